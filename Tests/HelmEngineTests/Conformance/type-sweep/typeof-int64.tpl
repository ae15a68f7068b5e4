{{ typeOf (int64 -3) }}
