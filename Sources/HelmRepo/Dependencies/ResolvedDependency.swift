/// A dependency ready to place in the parent chart's `charts/` directory.
public struct ResolvedDependency: Sendable, Hashable {
    /// Where the dependency's chart is.
    public enum Source: Sendable, Hashable {
        /// A verified `.tgz` in the chart cache, to copy into `charts/`.
        case archive(path: String)
        /// A chart directory (`file://` dependencies, and charts already under `charts/`).
        case directory(path: String)
    }

    /// The chart name.
    public var name: String
    /// The `alias`, or `""`.
    public var alias: String
    /// The exact version chosen (for `""`-repository dependencies, the constraint as written, as Helm locks it).
    public var version: String
    /// The repository as written in Chart.yaml.
    public var repository: String
    /// Where the chart is.
    public var source: Source
}

/// The outcome of ``RepositoryClient/resolveDependencies(_:chartDirectory:chartAPIVersion:repositories:progress:)``.
public struct DependencyResolution: Sendable, Hashable {
    /// The dependencies, in Chart.yaml order.
    public var dependencies: [ResolvedDependency]
    /// The lock that describes them: the existing lock file when it was honoured, otherwise a new one
    /// (`generated` left empty for the caller to fill) that `helm dependency update` would write.
    public var lock: DependencyLock
    /// Whether versions came from an existing lock file.
    public var usedLockFile: Bool
}
