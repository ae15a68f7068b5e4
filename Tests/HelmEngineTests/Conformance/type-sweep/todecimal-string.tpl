{{ toDecimal "s" }}
