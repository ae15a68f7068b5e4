// Shared helpers for SemVerTests live here.
