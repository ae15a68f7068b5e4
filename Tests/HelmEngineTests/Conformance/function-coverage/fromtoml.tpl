{{ $t := fromToml "a = 1\nb = \"x\"\n[c]\nd = [1, 2]\ne = 1.5\nf = true\n" }}{{ $t.a }} {{ typeOf $t.a }} {{ $t.b }} {{ $t.c.d }} {{ typeOf $t.c.d }} {{ $t.c.e }} {{ $t.c.f }} {{ toJson $t }}
