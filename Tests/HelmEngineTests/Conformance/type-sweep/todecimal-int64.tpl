{{ toDecimal (int64 -3) }}
