{{ typeOf (splitList "," "b,a") }}
