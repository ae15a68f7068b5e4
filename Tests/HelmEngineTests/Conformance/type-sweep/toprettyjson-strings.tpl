{{ toPrettyJson (splitList "," "b,a") }}
