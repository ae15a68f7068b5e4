{{ sha256sum (.Files.GetBytes "f.txt") }}
