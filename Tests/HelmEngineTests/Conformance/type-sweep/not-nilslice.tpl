{{ not (rest list) }}
