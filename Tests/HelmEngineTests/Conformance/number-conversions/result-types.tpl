{{ typeOf (float64 "1") }} {{ typeOf (int "1") }} {{ typeOf (int64 "1") }} {{ typeOf (atoi "1") }} {{ typeOf (toDecimal "1") }} {{ typeOf (toString 1) }}
