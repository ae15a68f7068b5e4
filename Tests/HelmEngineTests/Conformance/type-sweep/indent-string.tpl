{{ indent 2 "s" }}
