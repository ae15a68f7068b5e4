{{ empty (rest list) }}
