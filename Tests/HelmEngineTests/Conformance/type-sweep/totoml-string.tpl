{{ toToml "s" }}
