/// Where a sync reads its manifests: a directory (``DirectorySource``) or a git mirror.
public protocol ManifestSource: Sendable {
    /// Reads the files under the sync paths at the newest revision (for git: fetches first).
    ///
    /// - Throws: ``AgentError/Code/source`` when the source cannot be read.
    func snapshot() async throws(AgentError) -> SourceSnapshot

    /// How many commits `newer` is ahead of `older`, when the source can tell; `nil` otherwise.
    func commitsBetween(_ older: String, _ newer: String) async -> Int?

    /// Names the source in messages and in each object's source annotation.
    var displayName: String { get }
}

extension DirectorySource: ManifestSource {
    /// Reads the directory (synchronously; directories are local).
    public func snapshot() async throws(AgentError) -> SourceSnapshot { try snapshotNow() }

    /// A directory has no history.
    public func commitsBetween(_ older: String, _ newer: String) async -> Int? { nil }

    /// The directory.
    public var displayName: String { root }
}
