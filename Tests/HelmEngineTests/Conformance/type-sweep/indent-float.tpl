{{ indent 2 1.5 }}
