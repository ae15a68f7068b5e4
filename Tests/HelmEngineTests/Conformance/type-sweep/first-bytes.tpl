{{ first (.Files.GetBytes "f.txt") }}
