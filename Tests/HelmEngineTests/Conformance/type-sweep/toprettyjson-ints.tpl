{{ toPrettyJson (until 2) }}
