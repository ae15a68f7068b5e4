{{ define "bad" }}
{{ .nul.x }}{{ end }}