{{ not .Values }}
