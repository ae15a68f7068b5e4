{{ toDecimal (splitList "," "b,a") }}
