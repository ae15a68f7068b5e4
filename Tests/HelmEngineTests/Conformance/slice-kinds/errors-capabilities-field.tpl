{{ .Capabilities.APIVersions.Nope }}
