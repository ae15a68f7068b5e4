{{ mustUniq (list 1 1 "1" 2.0 2) }} {{ mustUniq (splitList "," "a,a,b") }} {{ mustUniq (list (list 1) (list 1) (dict "a" 1) (dict "a" 1)) }}
