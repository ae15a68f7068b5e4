{{ len (int64 -3) }}
