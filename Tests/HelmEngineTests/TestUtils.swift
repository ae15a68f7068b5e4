// Shared helpers for HelmEngineTests live here.
