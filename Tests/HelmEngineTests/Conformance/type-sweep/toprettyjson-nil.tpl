{{ toPrettyJson nil }}
