{{ toPrettyJson (list 1 "a" nil) }}
