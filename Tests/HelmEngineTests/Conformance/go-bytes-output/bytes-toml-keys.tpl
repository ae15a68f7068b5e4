{{ dict "k" (b64dec "/w==") | toToml }}|{{ dict (b64dec "/w==") 1 | toJson }}
