{{ deepCopy (dict "a" 1) }}
