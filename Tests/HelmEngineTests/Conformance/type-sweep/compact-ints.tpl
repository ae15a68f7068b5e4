{{ compact (until 2) }}
