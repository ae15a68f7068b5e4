{{ indent 2 (int64 -3) }}
