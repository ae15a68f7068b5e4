{{ has 1 .Values }}
