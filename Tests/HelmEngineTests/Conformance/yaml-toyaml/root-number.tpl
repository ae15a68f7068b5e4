{{ toYaml .Values.v }}
