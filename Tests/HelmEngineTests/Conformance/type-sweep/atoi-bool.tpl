{{ atoi true }}
