{{ toJson (list 1 "a" nil) }}
