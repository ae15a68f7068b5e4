{{ toYaml (until 2) }}
