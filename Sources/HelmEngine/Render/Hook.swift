// A hook as the chart renders it and as a release records it (Helm's pkg/release/v1 Hook types).

/// A document that runs at a point of a release's life instead of being installed with it (a `helm.sh/hook`
/// annotation; Helm's `release.Hook`).
///
/// ``ManifestSorter`` makes one for each hook document a chart renders; a release records it, with the outcome
/// of its last run.
public struct Hook: Sendable, Hashable {
    /// `metadata.name` of the hook object.
    public var name: String
    /// The hook object's kind.
    public var kind: String
    /// The template that rendered it, relative to the charts root (for example `mychart/templates/job.yaml`).
    public var path: String
    /// The document's YAML text.
    public var manifest: String
    /// When it runs (`helm.sh/hook`), in the order the annotation lists them.
    public var events: [HookEvent]
    /// The outcome of its last run.
    public var lastRun: HookExecution
    /// Its order among hooks of the same event (`helm.sh/hook-weight`); 0 when absent or not an integer, as in
    /// Helm.
    public var weight: Int
    /// When Helm deletes it (`helm.sh/hook-delete-policy`, lower-cased and trimmed; unknown ones are kept).
    public var deletePolicies: [HookDeletePolicy]
    /// When Helm copies its logs (`helm.sh/hook-output-log-policy`).
    public var outputLogPolicies: [HookOutputLogPolicy]
    /// Members of a release record's hook that this model does not know (a newer Helm wrote them), each as its
    /// JSON text; a record read and written again keeps them.
    public var unknownFields: [String: String]

    /// Creates a hook; every parameter defaults to empty.
    public init(
        name: String = "", kind: String = "", path: String = "", manifest: String = "", events: [HookEvent] = [],
        lastRun: HookExecution = HookExecution(), weight: Int = 0, deletePolicies: [HookDeletePolicy] = [],
        outputLogPolicies: [HookOutputLogPolicy] = [], unknownFields: [String: String] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.path = path
        self.manifest = manifest
        self.events = events
        self.lastRun = lastRun
        self.weight = weight
        self.deletePolicies = deletePolicies
        self.outputLogPolicies = outputLogPolicies
        self.unknownFields = unknownFields
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
