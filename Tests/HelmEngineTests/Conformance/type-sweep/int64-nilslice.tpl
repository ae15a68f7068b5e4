{{ int64 (rest list) }}
