{{ has 1 (splitList "," "b,a") }}
