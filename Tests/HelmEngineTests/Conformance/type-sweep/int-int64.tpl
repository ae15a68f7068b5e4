{{ int (int64 -3) }}
