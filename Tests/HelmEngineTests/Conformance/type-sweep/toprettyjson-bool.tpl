{{ toPrettyJson true }}
