{{ float64 (.Files.GetBytes "f.txt") }}
