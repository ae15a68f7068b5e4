{{ toDecimal .Values }}
