{{ int64 (int64 -3) }}
