{{ join "|" (slice .Capabilities.APIVersions 0 3) }}
