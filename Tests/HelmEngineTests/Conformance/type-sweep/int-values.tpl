{{ int .Values }}
