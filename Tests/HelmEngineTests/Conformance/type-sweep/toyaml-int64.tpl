{{ toYaml (int64 -3) }}
