// Shared helpers for KubeAPITests live here.
