{{ trim (.Files.GetBytes "f.txt") }}
