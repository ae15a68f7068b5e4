{{ toToml (rest list) }}
