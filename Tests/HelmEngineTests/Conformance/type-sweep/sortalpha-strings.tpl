{{ sortAlpha (splitList "," "b,a") }}
