{{ .Values.s | fromYaml | toJson }}
