{{ keys (dict "a" 1) }}
