{{ first (rest list) }}
