{{ atoi (dict "a" 1) }}
