{{ empty (.Files.GetBytes "f.txt") }}
