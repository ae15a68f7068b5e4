{{ atoi nil }}
