{{ toToml 3 }}
