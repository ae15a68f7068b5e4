{{ keys (splitList "," "b,a") }}
