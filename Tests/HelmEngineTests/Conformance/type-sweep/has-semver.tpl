{{ has 1 (semver "1.2.3") }}
