{{ reverse nil }}
