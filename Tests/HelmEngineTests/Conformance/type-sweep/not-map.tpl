{{ not (dict "a" 1) }}
