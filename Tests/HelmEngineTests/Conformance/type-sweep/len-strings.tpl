{{ len (splitList "," "b,a") }}
