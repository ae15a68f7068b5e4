{{ squote (splitList "," "b,a") }}
