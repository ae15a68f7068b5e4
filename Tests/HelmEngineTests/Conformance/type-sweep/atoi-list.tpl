{{ atoi (list 1 "a" nil) }}
