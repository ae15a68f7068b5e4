{{ default "d" (dict "a" 1) }}
