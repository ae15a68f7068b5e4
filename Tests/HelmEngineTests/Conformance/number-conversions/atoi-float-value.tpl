{{ atoi .Values.d }}
