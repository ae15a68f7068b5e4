{{ kindOf (rest list) }}
