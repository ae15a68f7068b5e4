{{ range .Values.items }}---
kind: Service
name: {{ .name }}
port: {{ .port }}
{{ end }}