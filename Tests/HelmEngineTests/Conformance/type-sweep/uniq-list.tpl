{{ uniq (list 1 "a" nil) }}
