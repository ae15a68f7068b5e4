{{ urlquery (.Files.GetBytes "f.txt") }}
