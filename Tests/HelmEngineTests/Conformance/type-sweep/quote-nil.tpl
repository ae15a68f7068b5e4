{{ quote nil }}
