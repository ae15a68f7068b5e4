{{ b64enc (slice .Capabilities.APIVersions 0 2) }}
