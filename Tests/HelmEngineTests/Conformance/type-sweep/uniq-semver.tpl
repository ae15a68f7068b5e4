{{ uniq (semver "1.2.3") }}
