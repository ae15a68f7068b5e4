{{ toString .Values }}
