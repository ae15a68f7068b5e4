{{ keys (.Files.GetBytes "f.txt") }}
