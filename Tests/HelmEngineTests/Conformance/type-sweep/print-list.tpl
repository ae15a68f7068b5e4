{{ print (list 1 "a" nil) }}
