{{ trim (list 1 "a" nil) }}
