{{ typeOf (until 2) }}
