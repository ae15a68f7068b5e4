{{ urlquery .Values }}
