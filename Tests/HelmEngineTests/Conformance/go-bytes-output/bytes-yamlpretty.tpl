{{ dict "k" (b64dec "/w==") "m" (substr 0 1 "éa") | toYamlPretty }}|{{ b64dec "/w==" | toYamlPretty }}
