{{ compact (dict "a" 1) }}
