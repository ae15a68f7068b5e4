{{ default "d" (until 2) }}
