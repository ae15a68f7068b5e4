{{ deepCopy (until 2) }}
