{{ typeOf (rest list) }}
