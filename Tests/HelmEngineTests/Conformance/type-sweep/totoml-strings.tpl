{{ toToml (splitList "," "b,a") }}
