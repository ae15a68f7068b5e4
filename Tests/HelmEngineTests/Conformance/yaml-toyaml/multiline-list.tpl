{{ toYaml .Values }}
