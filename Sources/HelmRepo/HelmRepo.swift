// HelmRepo: the module's code lands here; see Docs.docc for its overview.
