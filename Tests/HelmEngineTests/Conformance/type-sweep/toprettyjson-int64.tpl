{{ toPrettyJson (int64 -3) }}
