{{ last .Values }}
