{{ compact (.Files.GetBytes "f.txt") }}
