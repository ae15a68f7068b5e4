{{ toJson (rest list) }}
