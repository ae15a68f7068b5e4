{{ deepCopy .Values }}
