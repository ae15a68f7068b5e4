{{ toPrettyJson "s" }}
