{{ trim (splitList "," "b,a") }}
