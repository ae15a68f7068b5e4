{{ compact (list 1 "a" nil) }}
