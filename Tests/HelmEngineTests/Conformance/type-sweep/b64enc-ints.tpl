{{ b64enc (until 2) }}
