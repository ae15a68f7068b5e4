{{ include "lbl" . | indent 4 }}
{{- include "lbl" . | nindent 2 }}