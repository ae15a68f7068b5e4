{{ join "," (dict "a" 1) }}
