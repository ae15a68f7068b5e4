{{- define "r" -}}
{{ required "from helper" .Values.nope }}
{{- end -}}