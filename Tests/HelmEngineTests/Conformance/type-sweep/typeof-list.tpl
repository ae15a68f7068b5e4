{{ typeOf (list 1 "a" nil) }}
