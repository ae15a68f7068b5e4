{{- define "lbl" -}}
app: {{ .Chart.Name }}
rel: {{ .Release.Name }}
{{- end -}}