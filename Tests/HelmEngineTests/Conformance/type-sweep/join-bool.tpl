{{ join "," true }}
