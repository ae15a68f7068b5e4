apiVersion: v1
kind: Secret
metadata:
  name: x
data:
  {{- (.Files.Glob "conf/*").AsSecrets | nindent 2 }}
end: true
