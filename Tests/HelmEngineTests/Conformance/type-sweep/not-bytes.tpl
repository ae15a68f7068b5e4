{{ not (.Files.GetBytes "f.txt") }}
