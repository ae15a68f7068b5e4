{{ kindOf (until 2) }}
