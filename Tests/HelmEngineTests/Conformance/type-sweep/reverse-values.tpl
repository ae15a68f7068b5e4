{{ reverse .Values }}
