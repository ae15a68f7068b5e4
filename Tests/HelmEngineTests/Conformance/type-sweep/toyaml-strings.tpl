{{ toYaml (splitList "," "b,a") }}
