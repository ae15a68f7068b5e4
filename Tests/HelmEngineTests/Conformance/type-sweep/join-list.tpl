{{ join "," (list 1 "a" nil) }}
