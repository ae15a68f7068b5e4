{{ int (splitList "," "b,a") }}
