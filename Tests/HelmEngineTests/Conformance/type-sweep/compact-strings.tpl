{{ compact (splitList "," "b,a") }}
