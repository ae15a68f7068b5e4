{{ has 1 (slice .Capabilities.APIVersions 0 2) }}
