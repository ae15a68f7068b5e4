{{ default "d" (semver "1.2.3") }}
