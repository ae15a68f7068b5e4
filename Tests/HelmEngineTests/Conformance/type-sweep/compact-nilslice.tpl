{{ compact (rest list) }}
