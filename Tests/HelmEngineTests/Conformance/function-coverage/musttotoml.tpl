{{ mustToToml (dict "a" 1 "b" (dict "c" "d") "e" (list 1 2)) }}|{{ mustToToml (dict) }}|{{ mustToToml (list 1) }}
