import SemVer

/// A chart repository's `index.yaml`, with every chart's versions sorted newest first (Helm's `repo.IndexFile`).
///
/// Parse one with ``init(yaml:source:)``; invalid entries are skipped and described in ``warnings``, as Helm
/// skips them with a log line. ``resolve(_:version:devel:repositoryURL:)`` picks a version as `helm` does.
///
/// ```swift
/// let index = try RepositoryIndex(yaml: text, source: "https://charts.example.com/index.yaml")
/// let chart = try index.resolve("nginx", version: "^15.1", repositoryURL: "https://charts.example.com")
/// ```
public struct RepositoryIndex: Sendable {
    /// The index's `apiVersion` (always present: an index without one is rejected, as in Helm).
    public var apiVersion: String
    /// The `generated` timestamp text, or `""`.
    public var generated: String
    /// Chart name → versions, highest semantic version first (ties keep file order).
    public var entries: [String: [ChartVersion]]
    /// One line per entry skipped as invalid (Helm logs these and carries on).
    public var warnings: [String]

    /// Creates an index from already-parsed entries; versions are sorted newest first.
    public init(apiVersion: String = "v1", generated: String = "", entries: [String: [ChartVersion]]) {
        self.apiVersion = apiVersion
        self.generated = generated
        self.entries = entries.mapValues(RepositoryIndex.sortedNewestFirst)
        self.warnings = []
    }

    static func sortedNewestFirst(_ versions: [ChartVersion]) -> [ChartVersion] {
        // Stable: equal precedence (e.g. differing only in build metadata) keeps the file's order.
        versions.enumerated().sorted { lhs, rhs in
            let order = lhs.element.semanticVersion.compare(rhs.element.semanticVersion)
            return order != 0 ? order > 0 : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Picks the chart version `helm install/template --repo URL --version CONSTRAINT` would use.
    ///
    /// As Helm's `IndexFile.Get`: a version whose text equals `version` exactly wins; otherwise the highest
    /// version satisfying the constraint. An empty `version` means the latest release (`*`, which skips
    /// prereleases); with `devel` an empty `version` means `>0.0.0-0`, so prereleases count too. A non-empty
    /// constraint is used as written (`--devel` does not widen `^1.2`, as in Helm).
    ///
    /// - Parameters:
    ///   - name: The chart name.
    ///   - version: A version or Masterminds constraint; `""` for the latest.
    ///   - devel: Consider prereleases when `version` is empty (Helm's `--devel`).
    ///   - repositoryURL: The repository URL, for the error message.
    /// - Returns: The chosen version.
    /// - Throws: ``RepoError`` ``RepoError/Code/chartNotFound`` or ``RepoError/Code/versionNotFound`` with
    ///   Helm's message `chart "NAME" version "VERSION" not found in URL repository` (an unparsable constraint
    ///   gives the same message, with the SemVer error as cause).
    public func resolve(
        _ name: String,
        version: String = "",
        devel: Bool = false,
        repositoryURL: String = ""
    ) throws(RepoError) -> ChartVersion {
        guard let versions = entries[name], !versions.isEmpty else {
            throw .chartNotFound(name, version: version, repository: repositoryURL, hasChart: false)
        }
        let effective = version.isEmpty ? (devel ? ">0.0.0-0" : "*") : version
        let constraints: Constraints
        do {
            constraints = try Constraints(effective)
        } catch {
            throw .chartNotFound(name, version: version, repository: repositoryURL, hasChart: true, cause: error)
        }
        if !version.isEmpty, let exact = versions.first(where: { $0.version == version }) { return exact }
        if let match = versions.first(where: { constraints.check($0.semanticVersion) }) { return match }
        throw .chartNotFound(name, version: version, repository: repositoryURL, hasChart: true)
    }
}
