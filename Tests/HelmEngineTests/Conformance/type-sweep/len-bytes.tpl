{{ len (.Files.GetBytes "f.txt") }}
