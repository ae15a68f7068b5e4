{{ float64 (dict "a" 1) }}
