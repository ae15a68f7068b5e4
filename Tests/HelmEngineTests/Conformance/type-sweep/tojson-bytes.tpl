{{ toJson (.Files.GetBytes "f.txt") }}
