{{ toDecimal 1.5 }}
