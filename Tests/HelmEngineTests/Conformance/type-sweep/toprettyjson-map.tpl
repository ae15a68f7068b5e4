{{ toPrettyJson (dict "a" 1) }}
