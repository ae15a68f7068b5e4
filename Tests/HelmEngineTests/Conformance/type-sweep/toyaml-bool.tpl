{{ toYaml true }}
