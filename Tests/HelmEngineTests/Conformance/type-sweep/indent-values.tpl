{{ indent 2 .Values }}
