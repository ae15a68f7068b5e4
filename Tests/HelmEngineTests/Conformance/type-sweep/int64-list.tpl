{{ int64 (list 1 "a" nil) }}
