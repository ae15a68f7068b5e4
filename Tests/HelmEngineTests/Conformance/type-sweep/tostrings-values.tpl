{{ toStrings .Values }}
