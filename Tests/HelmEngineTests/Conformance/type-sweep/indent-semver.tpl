{{ indent 2 (semver "1.2.3") }}
