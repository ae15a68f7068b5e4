{{ float64 (list 1 "a" nil) }}
