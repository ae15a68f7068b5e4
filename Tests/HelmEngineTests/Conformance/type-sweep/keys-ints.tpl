{{ keys (until 2) }}
