{{ join "," (splitList "," "b,a") }}
