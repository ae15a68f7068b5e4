{{ .Values.s | fromJson | toJson }}
