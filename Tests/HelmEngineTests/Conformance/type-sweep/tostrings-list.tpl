{{ toStrings (list 1 "a" nil) }}
