{{ not (list 1 "a" nil) }}
