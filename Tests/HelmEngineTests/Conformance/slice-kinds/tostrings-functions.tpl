{{ $l := toStrings (list 3 1 2) }}{{ sortAlpha $l }} {{ has "1" $l }} {{ slice $l 1 | typeOf }} {{ uniq $l | typeOf }} {{ join "" $l }}
