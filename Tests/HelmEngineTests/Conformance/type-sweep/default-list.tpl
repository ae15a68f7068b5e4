{{ default "d" (list 1 "a" nil) }}
