{{ toYaml (rest list) }}
