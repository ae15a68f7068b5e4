{{ (.Files.Glob "d/*").AsConfig }}
{{ (.Files.Glob "d/*").AsSecrets }}
{{ range $p, $b := .Files.Glob "d/*" }}{{ $p }}={{ len $b }} {{ end }}
