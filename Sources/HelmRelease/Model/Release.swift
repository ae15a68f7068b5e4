public import HelmEngine

/// One revision of a release, as Helm 3 and 4 store it (`pkg/release/v1.Release`).
///
/// A release record holds this struct as JSON with Helm's field names. Fields Helm does not know yet but a
/// newer version wrote are kept in ``unknownFields`` so that reading and writing a record loses nothing.
///
/// ```swift
/// var release = Release(name: "web", namespace: "apps", version: 1)
/// release.info = ReleaseInfo(status: .pendingInstall, description: "Initial install underway")
/// let record = try ReleaseCodec().encode(release)
/// ```
public struct Release: Sendable, Hashable {
    /// The release name.
    public var name: String
    /// Status, times, description and notes; Helm writes it for every stored revision.
    public var info: ReleaseInfo?
    /// The chart that was released, as Helm serialises it (without its subcharts).
    public var chart: ReleaseChart?
    /// The values the user supplied (not the chart's defaults); `nil` or empty is omitted from the record.
    public var config: [String: LosslessJSON]?
    /// The rendered manifest of every non-hook resource.
    public var manifest: String
    /// The rendered hooks.
    public var hooks: [Hook]
    /// The revision, from 1.
    public var version: Int
    /// The namespace the release lives in.
    public var namespace: String
    /// Custom labels; stored as labels of the record object, not in its JSON (Helm's `json:"-"`).
    public var labels: [String: String]
    /// How resources were applied: `ssa` (server-side apply) or `csa`/empty (client-side), Helm 4's
    /// `apply_method`.
    public var applyMethod: String
    /// Members a newer Helm wrote that this model does not know; written back unchanged.
    public var unknownFields: [String: LosslessJSON]

    /// Creates a release; every parameter defaults to empty.
    public init(
        name: String = "", info: ReleaseInfo? = nil, chart: ReleaseChart? = nil, config: [String: LosslessJSON]? = nil,
        manifest: String = "", hooks: [Hook] = [], version: Int = 0, namespace: String = "",
        labels: [String: String] = [:], applyMethod: String = "", unknownFields: [String: LosslessJSON] = [:]
    ) {
        self.name = name
        self.info = info
        self.chart = chart
        self.config = config
        self.manifest = manifest
        self.hooks = hooks
        self.version = version
        self.namespace = namespace
        self.labels = labels
        self.applyMethod = applyMethod
        self.unknownFields = unknownFields
    }

    /// The status of this revision, or ``ReleaseStatus/unknown`` if the record has no `info`.
    public var status: ReleaseStatus { info?.status ?? .unknown }

    /// The key of this revision's record, `sh.helm.release.v1.NAME.vREVISION`.
    public var storageKey: String { ReleaseKey(name: name, version: version).description }
}

/// Status and history of one release revision (`pkg/release/v1.Info`).
public struct ReleaseInfo: Sendable, Hashable {
    /// When the release was first deployed; ``GoTime/zero`` is omitted from the record.
    public var firstDeployed: GoTime
    /// When this revision was deployed; ``GoTime/zero`` is omitted from the record.
    public var lastDeployed: GoTime
    /// When the release was uninstalled; ``GoTime/zero`` is omitted from the record.
    public var deleted: GoTime
    /// A human-readable log entry, such as `Install complete` or Helm's error text.
    public var description: String
    /// The revision's status.
    public var status: ReleaseStatus
    /// The rendered `NOTES.txt`.
    public var notes: String
    /// The deployed resources, when an action stored them (kept as JSON).
    public var resources: [String: LosslessJSON]?
    /// Members a newer Helm wrote that this model does not know; written back unchanged.
    public var unknownFields: [String: LosslessJSON]

    /// Creates release info; times default to zero, strings to empty and the status to `unknown`.
    public init(
        firstDeployed: GoTime = .zero, lastDeployed: GoTime = .zero, deleted: GoTime = .zero,
        status: ReleaseStatus = .unknown, description: String = "", notes: String = "",
        resources: [String: LosslessJSON]? = nil, unknownFields: [String: LosslessJSON] = [:]
    ) {
        self.firstDeployed = firstDeployed
        self.lastDeployed = lastDeployed
        self.deleted = deleted
        self.description = description
        self.status = status
        self.notes = notes
        self.resources = resources
        self.unknownFields = unknownFields
    }
}
