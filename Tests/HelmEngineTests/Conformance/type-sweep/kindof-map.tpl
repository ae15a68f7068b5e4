{{ kindOf (dict "a" 1) }}
