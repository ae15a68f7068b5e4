{{ sha256sum .Values }}
