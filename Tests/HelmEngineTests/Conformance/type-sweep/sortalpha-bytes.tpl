{{ sortAlpha (.Files.GetBytes "f.txt") }}
