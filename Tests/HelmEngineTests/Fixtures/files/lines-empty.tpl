{{ .Files.Lines "empty.txt" }}
