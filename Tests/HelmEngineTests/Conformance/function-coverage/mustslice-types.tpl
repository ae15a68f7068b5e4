{{ mustSlice (list 1 2 3) 1 }} {{ mustSlice (list 1 2 3) 1 2 }} {{ mustSlice (list 1 2 3) }} {{ mustSlice (splitList "," "a,b,c") 0 2 | typeOf }} {{ mustSlice (list 1 2 3) "1" 2.0 }}
