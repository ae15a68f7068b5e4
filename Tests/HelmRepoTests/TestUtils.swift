// Shared helpers for HelmRepoTests live here.
