{{ reverse (.Files.GetBytes "f.txt") }}
