{{ mustToRawJson (dict "a" "<&>" "b" (list 1 nil)) }}|{{ mustToRawJson "<x>" }}|{{ mustToRawJson nil }}|{{ mustToRawJson .Capabilities.APIVersions | len }}
