{{ toJson (splitList "," "b,a") }}
