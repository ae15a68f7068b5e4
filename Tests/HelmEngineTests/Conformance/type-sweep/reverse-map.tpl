{{ reverse (dict "a" 1) }}
