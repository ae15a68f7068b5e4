{{ sha256sum (int64 -3) }}
