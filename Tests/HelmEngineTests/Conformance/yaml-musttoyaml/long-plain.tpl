{{ mustToYaml .Values }}
