{{ indent 2 (slice .Capabilities.APIVersions 0 2) }}
