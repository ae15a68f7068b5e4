{{ atoi .Values }}
