{{ .Values.str
| printf "%s" }}