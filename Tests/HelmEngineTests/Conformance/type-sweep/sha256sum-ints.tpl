{{ sha256sum (until 2) }}
