{{ default "d" (splitList "," "b,a") }}
