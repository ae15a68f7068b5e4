{{ b64enc (list 1 "a" nil) }}
