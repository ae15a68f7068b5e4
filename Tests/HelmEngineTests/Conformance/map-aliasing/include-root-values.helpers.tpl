{{ define "mut" }}{{ $_ := set .Values.global "x" "y" }}{{ end }}
{{ define "read" }}{{ .Values.global.x }}{{ end }}