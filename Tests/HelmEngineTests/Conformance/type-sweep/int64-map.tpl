{{ int64 (dict "a" 1) }}
