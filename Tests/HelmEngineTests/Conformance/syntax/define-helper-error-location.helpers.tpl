
{{ define "bad" }}
  {{ .n.x }}
{{ end }}