{{ float64 nil }}
