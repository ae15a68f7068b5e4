{{ indent 2 (splitList "," "b,a") }}
