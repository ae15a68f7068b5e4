{{ keys .Values }}
