{{ squote (list 1 "a" nil) }}
