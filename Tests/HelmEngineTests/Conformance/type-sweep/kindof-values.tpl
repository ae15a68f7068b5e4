{{ kindOf .Values }}
