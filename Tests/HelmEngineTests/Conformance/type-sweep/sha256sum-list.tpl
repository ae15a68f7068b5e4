{{ sha256sum (list 1 "a" nil) }}
