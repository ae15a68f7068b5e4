{{ toPrettyJson (.Files.GetBytes "f.txt") }}
