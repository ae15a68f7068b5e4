list:
{{- range .Values.strs }}
  - {{ . }}
{{- end }}
