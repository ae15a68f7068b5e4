{{ trim (rest list) }}
