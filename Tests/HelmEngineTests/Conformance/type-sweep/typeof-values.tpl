{{ typeOf .Values }}
