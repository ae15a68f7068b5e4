{{- define "meta.shared" -}}shared-from-{{ .Chart.Name }}{{- end -}}
