{{ int64 (splitList "," "b,a") }}
