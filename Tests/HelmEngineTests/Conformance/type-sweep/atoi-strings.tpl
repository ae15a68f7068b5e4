{{ atoi (splitList "," "b,a") }}
