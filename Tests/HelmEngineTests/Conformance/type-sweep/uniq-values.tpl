{{ uniq .Values }}
