{{ .Values.s | fromYamlArray | toJson }}
