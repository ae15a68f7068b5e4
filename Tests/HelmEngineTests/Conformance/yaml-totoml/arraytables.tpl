{{ toToml .Values }}
