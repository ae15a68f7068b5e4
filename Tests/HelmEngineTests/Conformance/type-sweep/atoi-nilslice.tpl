{{ atoi (rest list) }}
