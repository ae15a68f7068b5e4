{{- define "t" -}}
  x
{{- end -}}
{{- template "t" }}|{{ template "t" -}}  |