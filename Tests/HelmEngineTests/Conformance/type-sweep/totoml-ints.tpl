{{ toToml (until 2) }}
