{{ urlquery (list 1 "a" nil) }}
