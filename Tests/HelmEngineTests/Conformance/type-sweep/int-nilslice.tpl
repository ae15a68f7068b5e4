{{ int (rest list) }}
