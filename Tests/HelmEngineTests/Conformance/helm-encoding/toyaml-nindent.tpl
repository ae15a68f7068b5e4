spec:
  {{- toYaml .Values.res | nindent 2 }}