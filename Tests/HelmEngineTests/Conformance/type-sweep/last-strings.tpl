{{ last (splitList "," "b,a") }}
