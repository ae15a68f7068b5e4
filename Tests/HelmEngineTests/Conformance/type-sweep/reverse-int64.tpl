{{ reverse (int64 -3) }}
