public import SemVer

/// One version of a chart as listed in a repository's `index.yaml` (Helm's `repo.ChartVersion`).
///
/// Holds the Chart.yaml metadata the index repeats plus the download fields (`urls`, `digest`, `created`).
public struct ChartVersion: Sendable, Hashable {
    /// The chart name.
    public var name: String
    /// The version text as written in the index (Helm compares this text first for exact matches).
    public var version: String
    /// `version`, parsed with Masterminds' loose rules.
    public var semanticVersion: Version
    /// The chart's `appVersion`, or `""`.
    public var appVersion: String
    /// The chart's `apiVersion` (`v1` when the index leaves it out, as Helm defaults it).
    public var apiVersion: String
    /// The chart's `description`, or `""`.
    public var description: String
    /// `application`, `library`, or `""`.
    public var type: String
    /// The chart's `kubeVersion` constraint, or `""`.
    public var kubeVersion: String
    /// Download URLs; Helm uses the first. Relative URLs resolve against the repository URL.
    public var urls: [String]
    /// The archive's sha256 as lowercase hex (a `sha256:` prefix is removed), or `""` if the index has none.
    public var digest: String
    /// The `created` timestamp text, or `""`.
    public var created: String
    /// Whether the chart version is marked `deprecated`.
    public var deprecated: Bool
    /// The chart's declared dependencies, as listed in the index.
    public var dependencies: [DependencyRequest]
    /// The chart's annotations.
    public var annotations: [String: String]

    /// Creates a chart version; `semanticVersion` is parsed from `version`.
    ///
    /// - Throws: ``RepoError/Code/badIndex`` if `version` is not a semantic version.
    public init(
        name: String,
        version: String,
        urls: [String],
        digest: String = "",
        appVersion: String = "",
        apiVersion: String = "v1",
        description: String = "",
        type: String = "",
        kubeVersion: String = "",
        created: String = "",
        deprecated: Bool = false,
        dependencies: [DependencyRequest] = [],
        annotations: [String: String] = [:]
    ) throws(RepoError) {
        do {
            self.semanticVersion = try Version(version)
        } catch {
            throw RepoError(
                code: .badIndex,
                message: "chart \(goQuoted(name)) version \(goQuoted(version)) is invalid",
                cause: error
            )
        }
        self.name = name
        self.version = version
        self.urls = urls
        self.digest = ChartVersion.normalizedDigest(digest)
        self.appVersion = appVersion
        self.apiVersion = apiVersion
        self.description = description
        self.type = type
        self.kubeVersion = kubeVersion
        self.created = created
        self.deprecated = deprecated
        self.dependencies = dependencies
        self.annotations = annotations
    }

    static func normalizedDigest(_ digest: String) -> String {
        let trimmed = digest.hasPrefix("sha256:") ? String(digest.dropFirst(7)) : digest
        return trimmed.lowercased()
    }

    /// Versions compare as Helm's index sorts them: by semantic version, then by text.
    public static func == (lhs: ChartVersion, rhs: ChartVersion) -> Bool {
        lhs.name == rhs.name && lhs.version == rhs.version && lhs.digest == rhs.digest && lhs.urls == rhs.urls
    }

    /// Hashes name, version text, digest and URLs (consistent with `==`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(version)
        hasher.combine(digest)
        hasher.combine(urls)
    }
}
