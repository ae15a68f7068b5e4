{{ kindOf (.Files.GetBytes "f.txt") }}
