{{ reverse (list 1 "a" nil) }}
