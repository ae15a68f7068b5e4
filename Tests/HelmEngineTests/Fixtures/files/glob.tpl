{{ range $k, $_ := .Files.Glob "*" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "**" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "*.txt" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "**.txt" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "**/*.txt" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "dir/*" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "dir/**" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "dir/*.txt" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "dir/**/*.txt" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "*/*.yaml" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "{a,b}.*" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "[ab].*" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "[!a]*.txt" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "?.txt" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "dir/sub/f?g.txt" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob ".*" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "**.{txt,yaml}" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "[" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "dir\\/c.txt" }}{{ $k }}|{{ end }}
{{ range $k, $_ := .Files.Glob "missing" }}{{ $k }}|{{ end }}
lines:{{ range .Files.Lines "a.txt" }}[{{ . }}]{{ end }}:{{ range .Files.Lines "nonl.txt" }}[{{ . }}]{{ end }}:{{ len (.Files.Lines "missing") }}
get:{{ .Files.Get "nonl.txt" }}:{{ .Files.Get "missing" }}:{{ .Files.GetBytes "nonl.txt" }}
