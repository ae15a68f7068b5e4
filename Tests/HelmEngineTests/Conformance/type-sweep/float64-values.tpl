{{ float64 .Values }}
