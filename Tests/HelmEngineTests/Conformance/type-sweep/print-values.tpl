{{ print .Values }}
