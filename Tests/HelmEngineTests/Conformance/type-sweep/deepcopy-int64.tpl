{{ deepCopy (int64 -3) }}
