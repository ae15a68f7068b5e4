{{ $l := keys (dict "b" 1 "a" 2) | sortAlpha }}{{ has "a" $l }} {{ first $l }} {{ rest $l | typeOf }} {{ reverse $l }} {{ slice $l 0 1 | typeOf }} {{ join "," $l }}
