{{ toYaml 1.5 }}
