{{ join "," .Values }}
