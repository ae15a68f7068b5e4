{{ first (dict "a" 1) }}
