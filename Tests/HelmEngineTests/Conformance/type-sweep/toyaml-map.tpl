{{ toYaml (dict "a" 1) }}
