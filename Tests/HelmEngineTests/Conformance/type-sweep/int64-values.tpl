{{ int64 .Values }}
