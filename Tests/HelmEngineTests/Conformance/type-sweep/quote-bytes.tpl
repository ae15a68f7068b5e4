{{ quote (.Files.GetBytes "f.txt") }}
