{{ toToml (list 1 "a" nil) }}
