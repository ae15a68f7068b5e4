{{ float64 true }}
