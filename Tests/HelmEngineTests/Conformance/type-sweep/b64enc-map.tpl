{{ b64enc (dict "a" 1) }}
