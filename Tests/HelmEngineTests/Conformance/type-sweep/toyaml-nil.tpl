{{ toYaml nil }}
