{{ toPrettyJson 1.5 }}
