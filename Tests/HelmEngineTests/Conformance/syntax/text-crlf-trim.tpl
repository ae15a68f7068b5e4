a: 1
{{- if true }}
b: 2
{{- end }}
