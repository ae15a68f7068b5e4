a
{{ include "bad" .Values }}