{{ toString (list 1 "a" nil) }}
