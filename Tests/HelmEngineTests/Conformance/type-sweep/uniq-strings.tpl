{{ uniq (splitList "," "b,a") }}
