{{ join "," (.Files.GetBytes "f.txt") }}
