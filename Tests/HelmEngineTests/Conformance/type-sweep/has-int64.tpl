{{ has 1 (int64 -3) }}
