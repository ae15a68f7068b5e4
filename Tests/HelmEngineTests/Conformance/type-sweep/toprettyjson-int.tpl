{{ toPrettyJson 3 }}
