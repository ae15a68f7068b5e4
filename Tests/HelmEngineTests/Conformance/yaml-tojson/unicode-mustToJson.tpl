{{ mustToJson .Values }}
