{{ float64 3 }}
