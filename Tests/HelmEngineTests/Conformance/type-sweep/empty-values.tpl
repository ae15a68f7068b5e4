{{ empty .Values }}
