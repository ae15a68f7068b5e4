{{ float64 (rest list) }}
