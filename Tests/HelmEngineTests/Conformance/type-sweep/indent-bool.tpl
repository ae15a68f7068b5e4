{{ indent 2 true }}
