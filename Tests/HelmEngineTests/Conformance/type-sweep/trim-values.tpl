{{ trim .Values }}
