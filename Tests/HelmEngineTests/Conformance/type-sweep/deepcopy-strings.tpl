{{ deepCopy (splitList "," "b,a") }}
