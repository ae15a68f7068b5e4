{{ sha256sum (rest list) }}
