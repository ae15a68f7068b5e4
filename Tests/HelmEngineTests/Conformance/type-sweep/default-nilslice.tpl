{{ default "d" (rest list) }}
