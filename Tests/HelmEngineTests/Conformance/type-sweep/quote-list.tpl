{{ quote (list 1 "a" nil) }}
