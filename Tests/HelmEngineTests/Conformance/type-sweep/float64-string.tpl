{{ float64 "s" }}
