{{ quote (splitList "," "b,a") }}
