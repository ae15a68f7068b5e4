{{ deepCopy (.Files.GetBytes "f.txt") }}
