{{ toPrettyJson (rest list) }}
