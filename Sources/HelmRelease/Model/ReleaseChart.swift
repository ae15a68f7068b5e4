/// A chart as a release record holds it (Helm's `pkg/chart/v2.Chart` JSON form).
///
/// Helm writes the chart's metadata, lock, raw templates, default values, schema and other files, but not its
/// subcharts. `nil` collections are written as JSON `null`, as Go writes nil slices and maps.
public struct ReleaseChart: Sendable, Hashable {
    /// `Chart.yaml`; `nil` is written as `null`.
    public var metadata: ChartMetadata?
    /// `Chart.lock`; `nil` is written as `null`.
    public var lock: ChartLock?
    /// The files under `templates/`, unrendered.
    public var templates: [ChartFile]?
    /// The default values from `values.yaml`.
    public var values: [String: LosslessJSON]?
    /// `values.schema.json`'s bytes.
    public var schema: [UInt8]?
    /// The schema file's modification time; Helm always writes it, zero as `0001-01-01T00:00:00Z`.
    public var schemaModTime: GoTime
    /// Every other file of the chart (README, `files/`, `crds/`, ...).
    public var files: [ChartFile]?
    /// The chart's modification time; zero is omitted.
    public var modTime: GoTime
    /// Members a newer Helm wrote that this model does not know; written back unchanged.
    public var unknownFields: [String: LosslessJSON]

    /// Creates a chart record; collections default to `nil` and times to zero.
    public init(
        metadata: ChartMetadata? = nil, lock: ChartLock? = nil, templates: [ChartFile]? = nil,
        values: [String: LosslessJSON]? = nil, schema: [UInt8]? = nil, schemaModTime: GoTime = .zero,
        files: [ChartFile]? = nil, modTime: GoTime = .zero, unknownFields: [String: LosslessJSON] = [:]
    ) {
        self.metadata = metadata
        self.lock = lock
        self.templates = templates
        self.values = values
        self.schema = schema
        self.schemaModTime = schemaModTime
        self.files = files
        self.modTime = modTime
        self.unknownFields = unknownFields
    }
}

/// A chart file as a name and bytes (`pkg/chart/common.File`).
public struct ChartFile: Sendable, Hashable {
    /// The path relative to the chart root, such as `templates/deployment.yaml`.
    public var name: String
    /// The file's bytes; written as base64.
    public var data: [UInt8]
    /// The file's modification time; zero is omitted.
    public var modTime: GoTime

    /// Creates a file.
    public init(name: String, data: [UInt8], modTime: GoTime = .zero) {
        self.name = name
        self.data = data
        self.modTime = modTime
    }
}

/// `Chart.yaml` with Helm's JSON field names (`pkg/chart/v2.Metadata`).
public struct ChartMetadata: Sendable, Hashable {
    /// The chart name.
    public var name: String = ""
    /// The project's home page.
    public var home: String = ""
    /// Source URLs.
    public var sources: [String] = []
    /// The chart version (SemVer 2).
    public var version: String = ""
    /// A one-sentence description.
    public var description: String = ""
    /// Search keywords.
    public var keywords: [String] = []
    /// The maintainers.
    public var maintainers: [ChartMaintainer] = []
    /// An icon URL.
    public var icon: String = ""
    /// The chart API version, `v1` or `v2`.
    public var apiVersion: String = ""
    /// A values path that enables the chart as a dependency.
    public var condition: String = ""
    /// Tags that enable the chart as a dependency.
    public var tags: String = ""
    /// The version of the packaged application.
    public var appVersion: String = ""
    /// Whether the chart is deprecated.
    public var deprecated: Bool = false
    /// Free-form annotations.
    public var annotations: [String: String] = [:]
    /// A SemVer range of supported Kubernetes versions.
    public var kubeVersion: String = ""
    /// Dependencies declared in `Chart.yaml`.
    public var dependencies: [ChartDependency] = []
    /// `application` or `library`.
    public var type: String = ""
    /// Members a newer Helm wrote that this model does not know; written back unchanged.
    public var unknownFields: [String: LosslessJSON] = [:]

    /// Creates metadata with a name and version; set other fields directly.
    public init(name: String = "", version: String = "", apiVersion: String = "v2") {
        self.name = name
        self.version = version
        self.apiVersion = apiVersion
    }
}

/// A chart maintainer (`pkg/chart/v2.Maintainer`).
public struct ChartMaintainer: Sendable, Hashable {
    /// The maintainer's name.
    public var name: String
    /// The maintainer's email address.
    public var email: String
    /// The maintainer's URL.
    public var url: String

    /// Creates a maintainer.
    public init(name: String = "", email: String = "", url: String = "") {
        self.name = name
        self.email = email
        self.url = url
    }
}

/// A chart dependency (`pkg/chart/v2.Dependency`).
public struct ChartDependency: Sendable, Hashable {
    /// The dependency's chart name.
    public var name: String = ""
    /// A SemVer range.
    public var version: String = ""
    /// The repository URL or alias.
    public var repository: String = ""
    /// A values path that enables it.
    public var condition: String = ""
    /// Tags that enable it.
    public var tags: [String] = []
    /// Whether it is enabled (set while loading).
    public var enabled: Bool = false
    /// Values imported from it (strings or `{child, parent}` maps).
    public var importValues: [LosslessJSON] = []
    /// The name it is used under.
    public var alias: String = ""

    /// Creates a dependency.
    public init(name: String = "", version: String = "", repository: String = "") {
        self.name = name
        self.version = version
        self.repository = repository
    }
}

/// `Chart.lock` (`pkg/chart/v2.Lock`).
public struct ChartLock: Sendable, Hashable {
    /// When the lock was generated.
    public var generated: GoTime
    /// The digest of the dependencies.
    public var digest: String
    /// The locked dependencies; `nil` is written as `null`.
    public var dependencies: [ChartDependency]?

    /// Creates a lock.
    public init(generated: GoTime = .zero, digest: String = "", dependencies: [ChartDependency]? = nil) {
        self.generated = generated
        self.digest = digest
        self.dependencies = dependencies
    }
}
