{{ range $i, $v := .Capabilities.APIVersions }}{{ if lt $i 3 }}{{ $i }}={{ $v }};{{ end }}{{ end }}
