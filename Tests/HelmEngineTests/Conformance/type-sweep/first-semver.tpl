{{ first (semver "1.2.3") }}
