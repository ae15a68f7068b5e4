{{ toYaml (list 1 "a" nil) }}
