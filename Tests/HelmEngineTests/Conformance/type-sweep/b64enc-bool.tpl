{{ b64enc true }}
