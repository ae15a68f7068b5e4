{{ toPrettyJson .Values }}
