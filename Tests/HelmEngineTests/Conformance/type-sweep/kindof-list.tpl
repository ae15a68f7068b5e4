{{ kindOf (list 1 "a" nil) }}
