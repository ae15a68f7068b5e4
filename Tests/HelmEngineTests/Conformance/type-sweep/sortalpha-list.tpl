{{ sortAlpha (list 1 "a" nil) }}
