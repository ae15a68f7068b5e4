{{ toToml (int64 -3) }}
