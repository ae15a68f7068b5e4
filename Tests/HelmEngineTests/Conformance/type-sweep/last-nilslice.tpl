{{ last (rest list) }}
