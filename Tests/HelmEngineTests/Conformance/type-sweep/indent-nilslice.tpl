{{ indent 2 (rest list) }}
