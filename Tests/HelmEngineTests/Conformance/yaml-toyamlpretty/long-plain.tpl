{{ toYamlPretty .Values }}
