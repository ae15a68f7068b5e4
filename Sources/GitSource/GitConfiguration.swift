/// Limits and the `git` executable every GitSource call uses.
///
/// Every `git` process runs with one of the two timeouts and is killed (with the processes it started) when the
/// time is up; every output it produces is read up to a cap.
public struct GitConfiguration: Sendable, Hashable {
    /// The `git` executable: a name looked up in `PATH`, or a path. Default `git`.
    public var gitExecutable: String
    /// The timeout of a call that talks to a remote (clone, fetch, push, ls-remote). Default 60 seconds.
    public var networkTimeout: Duration
    /// The timeout of a local call (rev-parse, ls-tree, checkout, commit). Default 20 seconds.
    public var localTimeout: Duration
    /// The cap on what one `git` call may print on standard output or standard error. Default 16 MiB.
    public var maximumOutputBytes: Int
    /// The largest file ``GitMirror/readFile(_:at:limit:)`` returns when no limit is given. Default 8 MiB.
    public var maximumFileBytes: Int
    /// The largest total size of the files one export writes. Default 256 MiB.
    public var maximumExportBytes: Int
    /// The most files (or list entries) one export or listing handles. Default 100,000.
    public var maximumExportFiles: Int

    /// Creates a configuration; every parameter has the default documented on its property.
    public init(
        gitExecutable: String = "git", networkTimeout: Duration = .seconds(60), localTimeout: Duration = .seconds(20),
        maximumOutputBytes: Int = 16 * 1024 * 1024, maximumFileBytes: Int = 8 * 1024 * 1024,
        maximumExportBytes: Int = 256 * 1024 * 1024, maximumExportFiles: Int = 100_000
    ) {
        self.gitExecutable = gitExecutable
        self.networkTimeout = networkTimeout
        self.localTimeout = localTimeout
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumFileBytes = maximumFileBytes
        self.maximumExportBytes = maximumExportBytes
        self.maximumExportFiles = maximumExportFiles
    }
}
