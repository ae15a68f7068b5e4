{{ join "," (until 2) }}
