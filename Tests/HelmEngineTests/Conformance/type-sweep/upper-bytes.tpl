{{ upper (.Files.GetBytes "f.txt") }}
