{{ reverse (splitList "," "b,a") }}
