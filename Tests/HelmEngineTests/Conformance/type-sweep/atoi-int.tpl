{{ atoi 3 }}
