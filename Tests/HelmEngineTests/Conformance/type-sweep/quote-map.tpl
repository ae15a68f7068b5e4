{{ quote (dict "a" 1) }}
