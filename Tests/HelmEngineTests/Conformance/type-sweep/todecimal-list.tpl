{{ toDecimal (list 1 "a" nil) }}
