{{- define "m" -}}
b: 2
a: [1, 2]
{{- end -}}