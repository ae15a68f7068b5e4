{{ sortAlpha .Values }}
