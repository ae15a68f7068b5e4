{{ not (until 2) }}
