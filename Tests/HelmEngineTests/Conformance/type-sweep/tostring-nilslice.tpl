{{ toString (rest list) }}
