{{ mustWithout (list 1 2 3 2) 2 }} {{ mustWithout (list 1 2 3) 1 3 }} {{ mustWithout (splitList "," "a,b") "a" }} {{ mustWithout (list 1 "1") "1" }}
