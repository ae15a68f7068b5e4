{{ toToml true }}
