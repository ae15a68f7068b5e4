{{ first (splitList "," "b,a") }}
