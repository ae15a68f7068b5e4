{{ last (.Files.GetBytes "f.txt") }}
