{{ join "," (rest list) }}
