{{ toJson .Values.v }}
