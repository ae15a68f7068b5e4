{{ compact (int64 -3) }}
