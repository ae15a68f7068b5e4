{{ semver "1.2.3-beta.01" }}
