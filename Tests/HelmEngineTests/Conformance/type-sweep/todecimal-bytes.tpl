{{ toDecimal (.Files.GetBytes "f.txt") }}
