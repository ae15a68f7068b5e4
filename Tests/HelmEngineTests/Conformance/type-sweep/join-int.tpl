{{ join "," 3 }}
