{{ first .Capabilities.APIVersions }} {{ last .Capabilities.APIVersions | typeOf }} {{ mustFirst .Capabilities.APIVersions }} {{ mustLast .Capabilities.APIVersions | kindOf }}
