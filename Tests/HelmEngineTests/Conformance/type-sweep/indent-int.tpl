{{ indent 2 3 }}
