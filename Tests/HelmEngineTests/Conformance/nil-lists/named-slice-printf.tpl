{{ printf "%#v|%#v|%v" (slice .Capabilities.APIVersions 0 2) (list "a" 1) (slice .Capabilities.APIVersions 0 1) }}
