{{ atoi 1.5 }}
