line1
{{ required "value a is required" .Values.a }}