{{ keys (int64 -3) }}
