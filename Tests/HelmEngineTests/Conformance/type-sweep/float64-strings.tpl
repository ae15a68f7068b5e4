{{ float64 (splitList "," "b,a") }}
