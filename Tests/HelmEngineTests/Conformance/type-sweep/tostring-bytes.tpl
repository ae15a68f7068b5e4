{{ toString (.Files.GetBytes "f.txt") }}
