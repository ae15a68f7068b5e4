{{ sortAlpha (int64 -3) }}
