{{ uniq (.Files.GetBytes "f.txt") }}
