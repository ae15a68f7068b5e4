{{ reverse true }}
