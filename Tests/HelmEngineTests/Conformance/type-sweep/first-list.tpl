{{ first (list 1 "a" nil) }}
