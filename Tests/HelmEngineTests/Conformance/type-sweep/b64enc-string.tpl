{{ b64enc "s" }}
