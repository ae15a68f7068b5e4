{{ b64enc (rest list) }}
