{{ float64 (semver "1.2.3") }}
