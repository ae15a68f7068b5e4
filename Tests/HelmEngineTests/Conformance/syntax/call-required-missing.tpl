x
{{ required "value str2 is required" .Values.str2 }}