{{ kindOf (int64 -3) }}
