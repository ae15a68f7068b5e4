{{ sortAlpha (dict "a" 1) }}
