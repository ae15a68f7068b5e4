{{ first (until 2) }}
