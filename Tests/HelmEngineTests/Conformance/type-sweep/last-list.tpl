{{ last (list 1 "a" nil) }}
