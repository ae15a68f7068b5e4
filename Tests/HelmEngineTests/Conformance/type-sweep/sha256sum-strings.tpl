{{ sha256sum (splitList "," "b,a") }}
