{{ int64 (until 2) }}
