{{ has 1 (.Files.GetBytes "f.txt") }}
