{{ not (splitList "," "b,a") }}
