{{ toYaml 3 }}
