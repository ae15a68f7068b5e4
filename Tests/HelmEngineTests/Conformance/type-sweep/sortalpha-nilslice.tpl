{{ sortAlpha (rest list) }}
