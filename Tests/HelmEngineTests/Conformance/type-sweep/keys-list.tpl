{{ keys (list 1 "a" nil) }}
