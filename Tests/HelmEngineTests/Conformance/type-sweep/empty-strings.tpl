{{ empty (splitList "," "b,a") }}
