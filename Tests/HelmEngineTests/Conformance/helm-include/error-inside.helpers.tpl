{{- define "f" -}}
{{ fail "inner failure" }}
{{- end -}}