{{ default "d" (int64 -3) }}
