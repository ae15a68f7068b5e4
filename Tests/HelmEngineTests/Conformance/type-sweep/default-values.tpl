{{ default "d" .Values }}
