{{ fromToml "a = " | toJson }}
