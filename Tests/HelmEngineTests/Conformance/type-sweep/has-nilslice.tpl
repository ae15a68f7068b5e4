{{ has 1 (rest list) }}
