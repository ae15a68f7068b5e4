{{ deepCopy (rest list) }}
