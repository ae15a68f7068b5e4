{{ first .Values }}
