x
{{ include "f" . }}