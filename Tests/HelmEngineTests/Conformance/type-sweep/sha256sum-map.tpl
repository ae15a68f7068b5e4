{{ sha256sum (dict "a" 1) }}
