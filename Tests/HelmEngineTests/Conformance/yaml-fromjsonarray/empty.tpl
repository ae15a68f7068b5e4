{{ .Values.s | fromJsonArray | toJson }}
