{{ urlquery (splitList "," "b,a") }}
