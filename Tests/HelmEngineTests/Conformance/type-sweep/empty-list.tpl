{{ empty (list 1 "a" nil) }}
