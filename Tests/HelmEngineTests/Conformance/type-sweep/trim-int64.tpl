{{ trim (int64 -3) }}
