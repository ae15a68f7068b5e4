{{ b64enc nil }}
