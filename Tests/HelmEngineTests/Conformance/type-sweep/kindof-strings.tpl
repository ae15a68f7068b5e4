{{ kindOf (splitList "," "b,a") }}
