{{ toStrings (.Files.GetBytes "f.txt") }}
