{{ join "," (int64 -3) }}
