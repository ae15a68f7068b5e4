{{ indent 2 (.Files.GetBytes "f.txt") }}
