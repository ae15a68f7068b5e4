{{ atoi (.Files.GetBytes "f.txt") }}
