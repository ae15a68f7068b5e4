{{ float64 1.5 }}
