{{ typeOf (.Files.GetBytes "f.txt") }}
