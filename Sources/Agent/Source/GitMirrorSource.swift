import Foundation
public import GitSource

/// Reads the sync paths from a GitSource mirror: fetch, resolve the branch, list and read the files at its head.
///
/// The mirror is shared with anything else that syncs the same URL (``GitMirrorRegistry``), and its credentials
/// (SSH key with known_hosts, HTTPS token or password) are GitSource's. Pair it with a ``GitPoller`` of the same
/// mirror to trigger a ``SyncAgent`` pass on every new commit.
public struct GitMirrorSource: ManifestSource {
    /// The mirror.
    public var mirror: GitMirror
    /// The branch to sync.
    public var branch: String
    /// The paths in the repository to read; empty reads the whole tree.
    public var paths: [String]

    /// Creates a source.
    public init(mirror: GitMirror, branch: String, paths: [String]) {
        self.mirror = mirror
        self.branch = branch
        self.paths = paths
    }

    /// The remote, credentials redacted.
    public var displayName: String { mirror.remote.redacted }

    /// Fetches, then reads every manifest file under the paths at the branch head.
    public func snapshot() async throws(AgentError) -> SourceSnapshot {
        do {
            try await mirror.fetch()
            let commit = try await mirror.resolve(branch)
            var files: [SourceFile] = []
            for path in paths.isEmpty ? ["."] : paths {
                let prefix = path == "." ? "" : (path.hasSuffix("/") ? path : path + "/")
                let manifests = try await mirror.listFiles(under: path, at: commit).filter { entry in
                    (entry.kind == .file || entry.kind == .executable)
                        && SourceFile(path: prefix + entry.path, contents: []).isManifest
                }
                // One git process reads them all (a lookup and a read per file cost two processes each).
                let contents = try await mirror.readFiles(
                    manifests, under: path, at: commit, limit: ManifestParser.maximumFileBytes)
                for (entry, bytes) in zip(manifests, contents) {
                    files.append(SourceFile(path: prefix + entry.path, contents: bytes))
                }
            }
            return SourceSnapshot(revision: commit.sha, files: files)
        } catch {
            throw .source(error.message, cause: error)
        }
    }

    /// How many commits `newer` is ahead of `older` in the mirror.
    public func commitsBetween(_ older: String, _ newer: String) async -> Int? {
        guard let older = try? GitCommit(sha: older), let newer = try? GitCommit(sha: newer) else { return nil }
        return await mirror.commitCount(from: older, to: newer)
    }
}

extension GitMirrorSource {
    /// A source over the mirror of `url` in a new registry under `cacheDirectory`.
    ///
    /// - Throws: ``AgentError/Code/source`` for a malformed URL.
    public static func open(
        url: String, branch: String, paths: [String], cacheDirectory: String,
        credentials: GitCredentials = .none
    ) async throws(AgentError) -> GitMirrorSource {
        let registry = GitMirrorRegistry(cacheDirectory: cacheDirectory)
        do {
            let mirror = try await registry.mirror(for: url, credentials: credentials)
            return GitMirrorSource(mirror: mirror, branch: branch, paths: paths)
        } catch {
            throw .source(error.message, cause: error)
        }
    }
}
