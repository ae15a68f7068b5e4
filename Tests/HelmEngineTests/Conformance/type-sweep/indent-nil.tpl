{{ indent 2 nil }}
