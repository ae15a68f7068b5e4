{{ b64enc (splitList "," "b,a") }}
