{{ mustInitial (list 1 2 3) }} {{ mustInitial (splitList "," "a,b") }} {{ mustInitial (until 3) | typeOf }}
