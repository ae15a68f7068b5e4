{{ indent 2 (until 2) }}
