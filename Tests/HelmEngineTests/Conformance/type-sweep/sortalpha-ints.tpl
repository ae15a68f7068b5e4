{{ sortAlpha (until 2) }}
