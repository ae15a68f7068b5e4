/// The contents of `Chart.yaml`, with Helm's field names (Helm's `chart.Metadata`).
public struct ChartMetadata: Sendable, Hashable {
    /// The chart's name (`name`).
    public var name: String = ""
    /// The project's home page (`home`).
    public var home: String = ""
    /// Source code locations (`sources`).
    public var sources: [String] = []
    /// The chart's SemVer 2 version (`version`).
    public var version: String = ""
    /// A one-sentence description (`description`).
    public var description: String = ""
    /// Search keywords (`keywords`).
    public var keywords: [String] = []
    /// Maintainers (`maintainers`).
    public var maintainers: [ChartMaintainer] = []
    /// An icon URL (`icon`).
    public var icon: String = ""
    /// `v1` or `v2` (`apiVersion`); Helm sets `v1` when Chart.yaml leaves it out.
    public var apiVersion: String = ""
    /// The condition path that enables this chart as a subchart (`condition`, legacy).
    public var condition: String = ""
    /// Tags that enable this chart as a subchart (`tags`, a comma-separated string, legacy).
    public var tags: String = ""
    /// The version of the packaged application (`appVersion`).
    public var appVersion: String = ""
    /// Whether the chart is deprecated (`deprecated`).
    public var deprecated: Bool = false
    /// Free-form annotations (`annotations`).
    public var annotations: [String: String] = [:]
    /// Whether `annotations` was present at all (Helm keeps a nil map apart from an empty one).
    public var hasAnnotations: Bool = false
    /// A SemVer constraint on the Kubernetes version (`kubeVersion`).
    public var kubeVersion: String = ""
    /// Declared dependencies (`dependencies`, or `requirements.yaml` for v1 charts).
    public var dependencies: [ChartDependency] = []
    /// `application`, `library` or empty (`type`).
    public var type: String = ""
    /// Members of a release record's metadata that this model does not know (a newer Helm wrote them), each as
    /// its JSON text; a record read and written again keeps them. Empty for a chart loaded from files.
    public var unknownFields: [String: String] = [:]

    /// Whether `maintainers` or `dependencies` held a null entry (reported by ``validate()``).
    var nullMaintainer = false
    var nullDependency = false

    /// Creates empty metadata.
    public init() {}

    /// Creates metadata with a name, a version and an API version (`v2` unless given); set other fields directly.
    public init(name: String, version: String, apiVersion: String = "v2") {
        self.name = name
        self.version = version
        self.apiVersion = apiVersion
    }

    /// Whether the chart is a library chart (`type: library`, any case), whose templates are
    /// defined but never rendered.
    public var isLibrary: Bool { type.lowercased() == "library" }
}

/// A chart maintainer (Helm's `chart.Maintainer`).
public struct ChartMaintainer: Sendable, Hashable {
    /// The maintainer's name.
    public var name: String = ""
    /// The maintainer's email.
    public var email: String = ""
    /// The maintainer's URL.
    public var url: String = ""

    /// Creates a maintainer.
    public init(name: String = "", email: String = "", url: String = "") {
        self.name = name
        self.email = email
        self.url = url
    }
}

/// A dependency declared in `Chart.yaml` or `requirements.yaml` (Helm's `chart.Dependency`).
public struct ChartDependency: Sendable, Hashable {
    /// The subchart's name.
    public var name: String = ""
    /// A SemVer constraint on the subchart's version.
    public var version: String = ""
    /// Where the subchart comes from (`https://…`, `oci://…`, `file://…`, `@alias`).
    public var repository: String = ""
    /// Comma-separated values paths; the first that resolves to a bool enables or disables it.
    public var condition: String = ""
    /// Tags that enable or disable it through `tags.NAME` in values.
    public var tags: [String] = []
    /// Whether the dependency is enabled (set while processing dependencies).
    public var enabled: Bool = false
    /// `import-values` entries: strings (child `exports.X`) or `{child, parent}` maps.
    public var importValues: [ImportValue] = []
    /// A name to use instead of ``name`` for the subchart.
    public var alias: String = ""

    /// Creates a dependency.
    public init(name: String = "", version: String = "", repository: String = "") {
        self.name = name
        self.version = version
        self.repository = repository
    }

    /// One `import-values` entry.
    public enum ImportValue: Sendable, Hashable {
        /// `- data`: imports the child's `exports.data` into the parent's root.
        case exported(String)
        /// `- child: a.b` / `parent: c`: imports the child's table `a.b` to the parent's `c`.
        case mapping(child: String, parent: String)
        /// Any other value, which Helm keeps but ignores. `json` is its JSON text when it was read from a release
        /// record (so writing the record again keeps it); `nil` when it came from YAML, and then a record stores
        /// `null`.
        case ignored(json: String?)
    }
}

/// The contents of `Chart.lock` or `requirements.lock` (Helm's `chart.Lock`).
public struct ChartLock: Sendable, Hashable {
    /// When the lock was generated; zero when the file leaves it out or it is not RFC 3339 text.
    public var generated: GoTime
    /// The digest of the dependencies.
    public var digest: String
    /// The locked dependencies; a release record can hold `null` (`nil`, Go's nil slice), a loaded lock always
    /// has a list.
    public var dependencies: [ChartDependency]?

    /// Creates a lock; by default an empty one.
    public init(generated: GoTime = .zero, digest: String = "", dependencies: [ChartDependency]? = []) {
        self.generated = generated
        self.digest = digest
        self.dependencies = dependencies
    }
}
