{{ slice .Capabilities.APIVersions 2 1 }}
