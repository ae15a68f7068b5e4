{{ empty (int64 -3) }}
