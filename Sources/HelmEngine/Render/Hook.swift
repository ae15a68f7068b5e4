/// A document that runs at a point of a release's life instead of being installed with it
/// (a `helm.sh/hook` annotation; Helm's `release.Hook`).
public struct Hook: Sendable, Hashable {
    /// `metadata.name` of the hook object.
    public var name: String
    /// The hook object's kind.
    public var kind: String
    /// The template that produced it.
    public var sourcePath: String
    /// The document's YAML text.
    public var manifest: String
    /// When it runs, in the order the annotation lists them.
    public var events: [HookEvent]
    /// `helm.sh/hook-weight`; 0 when absent or not an integer, as in Helm.
    public var weight: Int
    /// `helm.sh/hook-delete-policy` values, lower-cased and trimmed, kept as written (Helm keeps unknown ones).
    public var deletePolicies: [String]
    /// `helm.sh/hook-output-log-policy` values.
    public var outputLogPolicies: [String]

    /// Creates a hook.
    public init(
        name: String, kind: String, sourcePath: String, manifest: String, events: [HookEvent], weight: Int = 0,
        deletePolicies: [String] = [], outputLogPolicies: [String] = []
    ) {
        self.name = name
        self.kind = kind
        self.sourcePath = sourcePath
        self.manifest = manifest
        self.events = events
        self.weight = weight
        self.deletePolicies = deletePolicies
        self.outputLogPolicies = outputLogPolicies
    }
}

/// A point in a release's life at which hooks run (Helm's `release.HookEvent`).
public enum HookEvent: String, Sendable, Hashable, CaseIterable {
    case preInstall = "pre-install"
    case postInstall = "post-install"
    case preDelete = "pre-delete"
    case postDelete = "post-delete"
    case preUpgrade = "pre-upgrade"
    case postUpgrade = "post-upgrade"
    case preRollback = "pre-rollback"
    case postRollback = "post-rollback"
    case test = "test"

    /// Parses one value of the `helm.sh/hook` annotation; `test-success` is Helm 2's name for `test`.
    public init?(annotationValue: String) {
        if annotationValue == "test-success" {
            self = .test
        } else {
            self.init(rawValue: annotationValue)
        }
    }
}

/// The annotations Helm reads on hooks and resources.
public enum HelmAnnotation {
    /// Marks a document as a hook and lists its events.
    public static let hook = "helm.sh/hook"
    /// Orders hooks of the same event.
    public static let hookWeight = "helm.sh/hook-weight"
    /// When to delete a hook object.
    public static let hookDeletePolicy = "helm.sh/hook-delete-policy"
    /// When to print a hook pod's or job's logs.
    public static let hookOutputLogPolicy = "helm.sh/hook-output-log-policy"
    /// `keep` leaves an object in place when a release no longer renders it or is uninstalled.
    public static let resourcePolicy = "helm.sh/resource-policy"
}
