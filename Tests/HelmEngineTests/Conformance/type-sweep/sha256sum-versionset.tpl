{{ sha256sum (slice .Capabilities.APIVersions 0 2) }}
