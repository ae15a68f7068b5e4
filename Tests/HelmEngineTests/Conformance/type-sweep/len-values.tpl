{{ len .Values }}
