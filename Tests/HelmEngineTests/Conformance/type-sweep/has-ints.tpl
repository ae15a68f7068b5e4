{{ has 1 (until 2) }}
