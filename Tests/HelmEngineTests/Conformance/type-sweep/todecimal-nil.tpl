{{ toDecimal nil }}
