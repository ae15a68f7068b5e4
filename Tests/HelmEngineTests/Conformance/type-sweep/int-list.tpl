{{ int (list 1 "a" nil) }}
