{{ atoi "s" }}
