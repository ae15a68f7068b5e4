{{ print (splitList "," "b,a") }}
