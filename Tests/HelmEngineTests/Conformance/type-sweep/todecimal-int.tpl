{{ toDecimal 3 }}
