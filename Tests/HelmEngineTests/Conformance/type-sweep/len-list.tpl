{{ len (list 1 "a" nil) }}
