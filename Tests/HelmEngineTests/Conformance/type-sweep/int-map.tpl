{{ int (dict "a" 1) }}
