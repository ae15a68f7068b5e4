{{ toYaml (.Files.GetBytes "f.txt") }}
