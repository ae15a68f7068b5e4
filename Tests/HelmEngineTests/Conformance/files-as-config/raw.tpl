[{{ (.Files.Glob "conf/*").AsConfig }}]
[{{ (.Files.Glob "conf/*").AsSecrets }}]
[{{ (.Files.Glob "conf/**").AsConfig | indent 4 }}]
{{ range $p, $_ := .Files.Glob "conf/*" }}{{ $p }};{{ end }}
