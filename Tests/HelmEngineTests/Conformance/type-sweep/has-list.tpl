{{ has 1 (list 1 "a" nil) }}
