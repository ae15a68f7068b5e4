{{ toDecimal true }}
