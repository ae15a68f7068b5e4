{{ atoi (int64 -3) }}
