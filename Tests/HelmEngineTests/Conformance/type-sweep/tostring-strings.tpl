{{ toString (splitList "," "b,a") }}
