{{ toDecimal (rest list) }}
