a

  {{- /* multi
line */ -}}

  b