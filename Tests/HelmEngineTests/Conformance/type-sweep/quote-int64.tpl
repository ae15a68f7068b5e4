{{ quote (int64 -3) }}
