apiVersion: v1
kind: ConfigMap
metadata:
  name: x
data:
  {{- (.Files.Glob "conf/*").AsConfig | nindent 2 }}
end: true
