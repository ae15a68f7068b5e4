{{ quote .Values }}
