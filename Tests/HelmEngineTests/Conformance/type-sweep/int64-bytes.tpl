{{ int64 (.Files.GetBytes "f.txt") }}
