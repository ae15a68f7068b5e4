{{ toToml (dict "a" 1) }}
