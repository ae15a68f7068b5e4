{{ deepCopy (list 1 "a" nil) }}
