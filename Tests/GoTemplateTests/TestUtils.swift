// Shared helpers for GoTemplateTests live here.
