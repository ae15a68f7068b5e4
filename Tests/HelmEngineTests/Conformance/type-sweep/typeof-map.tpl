{{ typeOf (dict "a" 1) }}
