{{ indent 2 (list 1 "a" nil) }}
