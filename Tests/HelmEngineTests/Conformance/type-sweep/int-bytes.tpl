{{ int (.Files.GetBytes "f.txt") }}
