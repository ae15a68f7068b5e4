{{ float64 (int64 -3) }}
