{{ quote (rest list) }}
