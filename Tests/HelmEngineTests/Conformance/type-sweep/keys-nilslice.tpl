{{ keys (rest list) }}
