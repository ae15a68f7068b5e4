{{ default "d" (.Files.GetBytes "f.txt") }}
