{{ b64enc (semver "1.2.3") }}
