{{ b64enc (.Files.GetBytes "f.txt") }}
