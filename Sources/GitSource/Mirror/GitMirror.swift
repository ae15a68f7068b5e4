import Foundation
public import Logging

/// A local bare mirror of one remote repository: cloned on first use, brought up to date by ``fetch()``, and read
/// at any commit without a work tree.
///
/// The mirror keeps the remote's branches (`refs/heads/*`) and tags (`refs/tags/*`), pruning ones the remote
/// deleted. Fetches never run two at a time; reads run alongside them (git updates refs atomically). Get mirrors
/// from a ``GitMirrorRegistry`` so that all users of one URL share one clone.
///
/// ```swift
/// let mirror = try await registry.mirror(for: "https://github.com/org/charts", credentials: .none)
/// try await mirror.fetch()
/// let commit = try await mirror.resolve("main")
/// let tree = try await mirror.treeHash(of: "charts/podinfo", at: commit)
/// try await mirror.export("charts/podinfo", at: commit, into: "/tmp/podinfo")
/// ```
public actor GitMirror {
    /// The remote this mirrors.
    public nonisolated let remote: GitRemote
    /// The bare repository on disk.
    public nonisolated let directory: String
    /// The limits and executable used.
    public nonisolated let configuration: GitConfiguration
    let runner: GitRunner
    let logger: Logger

    /// Whether a fetch is running; later callers wait in `waiters`.
    private var fetching = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// When the last fetch (or clone) succeeded.
    public private(set) var lastFetch: ContinuousClock.Instant?

    /// Creates a mirror of `remote` in `directory` (created by the first fetch); nothing runs yet.
    ///
    /// - Parameters:
    ///   - remote: the repository to mirror; credentials embedded in its URL are used when `credentials` is `.none`.
    ///   - credentials: how to authenticate; default none.
    ///   - directory: where the bare repository lives; its parent must be writable.
    ///   - homeDirectory: the private `HOME` git runs with (it holds the askpass helper); default a `.git-home`
    ///     directory beside `directory`.
    ///   - configuration: timeouts, caps and the git executable.
    ///   - logger: where fetches are logged; default nowhere.
    /// - Throws: ``GitSourceError/Code/io`` when the home directory cannot be made.
    public init(
        remote: GitRemote, credentials: GitCredentials = .none, directory: String, homeDirectory: String? = nil,
        configuration: GitConfiguration = GitConfiguration(),
        logger: Logger = Logger(label: "fluxhelm.git", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(GitSourceError) {
        self.remote = remote
        self.directory = directory
        self.configuration = configuration
        let parent = (directory as NSString).deletingLastPathComponent
        let used = credentials.isNone ? (remote.embeddedCredentials ?? .none) : credentials
        self.runner = try GitRunner(
            configuration: configuration, home: homeDirectory ?? parent + "/.git-home", credentials: used,
            url: remote.redacted, logger: logger)
        self.logger = logger
    }

    /// Whether the bare repository exists on disk.
    public nonisolated var isCloned: Bool {
        FileManager.default.fileExists(atPath: directory + "/HEAD")
    }

    /// Clones the remote if there is no mirror yet, otherwise fetches its branches and tags (pruning deleted ones).
    ///
    /// A call while another fetch runs waits for it and then fetches again, so what the remote had when this call
    /// began is always seen.
    ///
    /// - Throws: ``GitSourceError/Code/unreachable``, ``GitSourceError/Code/authentication``,
    ///   ``GitSourceError/Code/hostKey``, ``GitSourceError/Code/credentials``, ``GitSourceError/Code/timeout``
    ///   and others, each naming the redacted URL and quoting git's error.
    public func fetch() async throws(GitSourceError) {
        await acquire()
        defer { release() }
        if isCloned {
            _ = try await runner.checked(
                [
                    "fetch", "--quiet", "--prune", "--force", "--no-write-fetch-head", "--update-head-ok", "origin",
                    "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*",
                ], in: directory, network: true, what: "git fetch from \(remote.redacted)")
        } else {
            try await clone()
        }
        lastFetch = .now
        logger.debug("git mirror fetched", metadata: ["git.url": "\(remote.redacted)"])
    }

    /// Clones into a temporary directory beside the mirror and renames it into place, so a failed or killed clone
    /// never leaves a half-made mirror.
    private func clone() async throws(GitSourceError) {
        let manager = FileManager.default
        let parent = (directory as NSString).deletingLastPathComponent
        let temporary = directory + ".clone-\(UUID().uuidString)"
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .io("could not create the git cache directory \(parent): \(error)", path: parent, cause: error)
        }
        defer { try? manager.removeItem(atPath: temporary) }
        _ = try await runner.checked(
            ["clone", "--bare", "--quiet", "--", remote.url, temporary], in: parent, network: true,
            what: "git clone of \(remote.redacted)")
        try? manager.removeItem(atPath: directory)
        do {
            try manager.moveItem(atPath: temporary, toPath: directory)
        } catch {
            throw .io("could not move the clone of \(remote.redacted) to \(directory): \(error)", path: directory)
        }
    }

    /// Fetches only if there is no mirror yet.
    func ensureCloned() async throws(GitSourceError) {
        if !isCloned { try await fetch() }
    }

    private func acquire() async {
        while fetching { await withCheckedContinuation { waiters.append($0) } }
        fetching = true
    }

    private func release() {
        fetching = false
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }
}
