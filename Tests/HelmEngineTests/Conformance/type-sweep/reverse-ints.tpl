{{ reverse (until 2) }}
