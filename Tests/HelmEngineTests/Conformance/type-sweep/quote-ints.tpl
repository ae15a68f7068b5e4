{{ quote (until 2) }}
