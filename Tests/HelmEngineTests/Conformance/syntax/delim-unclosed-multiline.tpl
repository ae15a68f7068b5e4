{{ if true }}
{{ "x"

more