{{ compact .Values }}
