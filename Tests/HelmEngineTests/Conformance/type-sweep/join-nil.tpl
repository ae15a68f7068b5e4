{{ join "," nil }}
