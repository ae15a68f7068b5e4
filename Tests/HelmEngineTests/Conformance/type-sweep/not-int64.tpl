{{ not (int64 -3) }}
