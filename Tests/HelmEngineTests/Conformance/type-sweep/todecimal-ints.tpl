{{ toDecimal (until 2) }}
