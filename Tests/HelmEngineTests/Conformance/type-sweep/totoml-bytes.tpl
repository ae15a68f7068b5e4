{{ toToml (.Files.GetBytes "f.txt") }}
