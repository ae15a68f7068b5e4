{{ indent 2 (dict "a" 1) }}
