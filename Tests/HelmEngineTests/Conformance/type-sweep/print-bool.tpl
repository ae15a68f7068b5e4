{{ print true }}
