{{ upper (list 1 "a" nil) }}
