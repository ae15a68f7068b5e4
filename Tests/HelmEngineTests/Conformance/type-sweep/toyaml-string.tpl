{{ toYaml "s" }}
