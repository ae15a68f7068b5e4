{{ squote (.Files.GetBytes "f.txt") }}
