{{ b64dec "/w==" | toYaml }}|{{ dict "k" (substr 0 1 "éa") | toYaml }}
