{{ int (until 2) }}
