/// The files under the sync paths at one revision.
public struct SourceSnapshot: Sendable, Hashable {
    /// The commit (or, for a directory that is not a git checkout, a digest of the files).
    public var revision: String
    /// The files, paths relative to the repository root.
    public var files: [SourceFile]

    /// Creates a snapshot.
    public init(revision: String, files: [SourceFile]) {
        self.revision = revision
        self.files = files
    }
}
