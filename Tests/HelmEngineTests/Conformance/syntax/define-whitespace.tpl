{{- define "t" -}}
  body
{{- end -}}
[{{ template "t" }}]