public import GoTemplate

/// The release a chart is rendered for: what templates see as `.Release`.
public struct ReleaseOptions: Sendable, Hashable {
    /// The release name (`.Release.Name`).
    public var name: String
    /// The namespace the release is installed into (`.Release.Namespace`).
    public var namespace: String
    /// The revision being rendered (`.Release.Revision`); 1 for an install and for `helm template`.
    public var revision: Int
    /// Whether this render is for an install (`.Release.IsInstall`); default `true`.
    public var isInstall: Bool
    /// Whether this render is for an upgrade or rollback (`.Release.IsUpgrade`); default `false`.
    public var isUpgrade: Bool
    /// The service doing the release (`.Release.Service`); `Helm`, as Helm reports it, so charts that test it
    /// behave the same.
    public var service: String

    /// Creates release options; the defaults are those of `helm template`.
    public init(
        name: String, namespace: String = "default", revision: Int = 1, isInstall: Bool = true,
        isUpgrade: Bool = false, service: String = "Helm"
    ) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.isInstall = isInstall
        self.isUpgrade = isUpgrade
        self.service = service
    }

    /// The `.Release` object (a `map[string]interface {}` in Helm 4).
    public var templateValue: Value {
        .map([
            "Name": .string(name),
            "Namespace": .string(namespace),
            "Revision": .int(revision),
            "IsInstall": .bool(isInstall),
            "IsUpgrade": .bool(isUpgrade),
            "Service": .string(service),
        ])
    }
}
