{{ int64 (slice .Capabilities.APIVersions 0 2) }}
