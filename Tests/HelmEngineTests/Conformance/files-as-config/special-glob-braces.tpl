data:
{{ (.Files.Glob "s/{yes,num}.txt").AsConfig | indent 2 }}
{{- .Files.Glob "s/*.dat" | len }} {{ .Files.Get "s/bin.dat" | b64enc }} {{ .Files.GetBytes "s/bin.dat" | len }} {{ .Files.Get "s/bin.dat" | len }}
