{{ first (int64 -3) }}
