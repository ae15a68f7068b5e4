{{ atoi (until 2) }}
