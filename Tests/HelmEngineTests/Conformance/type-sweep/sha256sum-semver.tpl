{{ sha256sum (semver "1.2.3") }}
