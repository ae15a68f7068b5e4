{{ toDecimal (dict "a" 1) }}
