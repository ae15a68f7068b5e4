{{ upper (splitList "," "b,a") }}
