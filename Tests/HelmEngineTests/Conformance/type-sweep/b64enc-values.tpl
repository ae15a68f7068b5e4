{{ b64enc .Values }}
