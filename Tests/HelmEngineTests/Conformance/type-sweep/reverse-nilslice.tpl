{{ reverse (rest list) }}
