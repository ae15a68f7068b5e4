{{ join "," "s" }}
