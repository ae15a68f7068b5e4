{{ print (.Files.GetBytes "f.txt") }}
