{{ upper .Values }}
