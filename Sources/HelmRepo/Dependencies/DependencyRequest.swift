/// One entry of a chart's `dependencies` (Chart.yaml v2, or `requirements.yaml` for v1), as far as resolving
/// and locking it needs (Helm's `chart.Dependency`).
///
/// Kept independent of the chart model: the caller copies the fields from its parsed Chart.yaml.
public struct DependencyRequest: Sendable, Hashable {
    /// The chart name in the repository.
    public var name: String
    /// A version or Masterminds constraint (`^1.2.0`, `~3`, `1.2.3`).
    public var version: String
    /// Where the chart comes from: `https://…`/`http://…` (a repository URL), `file://PATH` (a chart directory,
    /// relative to the parent chart), `""` (already in `charts/`), or `@name`/`name`/`oci://…` (not supported).
    public var repository: String
    /// The `condition` value path, or `""`.
    public var condition: String
    /// The `tags`.
    public var tags: [String]
    /// The `import-values` entries.
    public var importValues: [ImportValue]
    /// The `alias`, or `""`.
    public var alias: String

    /// One `import-values` entry: a child export name, or a `child`/`parent` pair.
    public enum ImportValue: Sendable, Hashable {
        /// `- data` (imports the child's `exports.data`).
        case name(String)
        /// `- child: a.b` / `parent: c.d`.
        case mapping(child: String, parent: String)
    }

    /// Creates a dependency request.
    public init(
        name: String,
        version: String,
        repository: String,
        condition: String = "",
        tags: [String] = [],
        importValues: [ImportValue] = [],
        alias: String = ""
    ) {
        self.name = name
        self.version = version
        self.repository = repository
        self.condition = condition
        self.tags = tags
        self.importValues = importValues
        self.alias = alias
    }
}
