{{ toToml 1.5 }}
