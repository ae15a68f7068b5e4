{{ quote "s" }}
