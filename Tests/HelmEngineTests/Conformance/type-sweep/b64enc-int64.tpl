{{ b64enc (int64 -3) }}
