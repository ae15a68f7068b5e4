{{ float64 (until 2) }}
