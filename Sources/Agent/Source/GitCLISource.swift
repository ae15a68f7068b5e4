import Crypto
import Foundation
import Subprocess
import SystemPackage

/// Reads the sync paths from a git remote with the real `git` command: a bare mirror in a cache directory, fetched
/// before every snapshot.
///
/// - Important: Interim. The GitSource module (shared mirrors, credentials, a poller with new-commit notifications)
///   was not on its branch when this was written; this reader covers `--git-url` without credentials beyond what
///   `git` itself finds (SSH agent, credential helpers) and should be replaced by a GitSource mirror.
public struct GitCLISource: ManifestSource {
    /// The remote URL (any URL or path `git clone` accepts).
    public var url: String
    /// The branch to sync.
    public var branch: String
    /// The paths in the repository to read; empty reads the whole tree.
    public var paths: [String]
    /// Where the bare mirror lives.
    public var cacheDirectory: String

    /// Most bytes one git command may print (a file's contents, a tree listing).
    static let maximumOutputBytes = 64 * 1024 * 1024

    /// Creates a source; the mirror goes under `cacheDirectory` in a folder named after a digest of the URL.
    public init(url: String, branch: String, paths: [String], cacheDirectory: String) {
        self.url = url
        self.branch = branch
        self.paths = paths
        self.cacheDirectory = cacheDirectory
    }

    /// The URL.
    public var displayName: String { url }

    /// The mirror's directory.
    var mirror: String {
        let digest = SHA256.hash(data: Array(url.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return (cacheDirectory as NSString).appendingPathComponent("mirror-\(digest).git")
    }

    /// Fetches, resolves the branch and reads every manifest file under the paths at its head commit.
    public func snapshot() async throws(AgentError) -> SourceSnapshot {
        try await update()
        let commit = try await text(["rev-parse", "--verify", "refs/heads/\(branch)^{commit}"], what: "resolve branch")
        var arguments = ["ls-tree", "-r", "-z", "--full-tree", commit, "--"]
        arguments += paths
        let listing = try await git(arguments, what: "list files")
        var files: [SourceFile] = []
        for record in listing.split(separator: 0) {
            // "<mode> <type> <object>\t<path>"
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let header = String(decoding: record[..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: record[record.index(after: tab)...], as: UTF8.self)
            guard header.count == 3, header[1] == "blob", SourceFile(path: path, contents: []).isManifest else {
                continue
            }
            let contents = try await git(["cat-file", "blob", String(header[2])], what: "read \(path)")
            files.append(SourceFile(path: path, contents: contents))
        }
        if files.isEmpty && !paths.isEmpty {
            // A path that names nothing is almost always a typo; say so rather than sync an empty set.
            for path in paths {
                let found = try await git(["ls-tree", "--full-tree", commit, "--", path], what: "check \(path)")
                if found.isEmpty { throw .source("the path \(path) does not exist in \(url) at \(branch)") }
            }
        }
        return SourceSnapshot(revision: commit, files: files)
    }

    /// `git rev-list --count older..newer`.
    public func commitsBetween(_ older: String, _ newer: String) async -> Int? {
        guard let count = try? await text(["rev-list", "--count", "\(older)..\(newer)"], what: "count commits") else {
            return nil
        }
        return Int(count)
    }

    /// Clones the mirror once, then fetches.
    func update() async throws(AgentError) {
        if FileManager.default.fileExists(atPath: (mirror as NSString).appendingPathComponent("HEAD")) {
            _ = try await git(["fetch", "--prune", "--quiet", "origin"], what: "fetch \(url)")
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        } catch {
            throw .source("cannot create the git cache directory \(cacheDirectory)", cause: error)
        }
        _ = try await git(["clone", "--mirror", "--quiet", "--", url, mirror], what: "clone \(url)", inMirror: false)
    }

    private func text(_ arguments: [String], what: String) async throws(AgentError) -> String {
        let bytes = try await git(arguments, what: what)
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func git(_ arguments: [String], what: String, inMirror: Bool = true) async throws(AgentError) -> [UInt8] {
        let all = (inMirror ? ["--git-dir", mirror] : []) + arguments
        do {
            let result = try await Subprocess.run(
                .name("git"), arguments: Arguments(all),
                environment: .inherit.updating(["GIT_TERMINAL_PROMPT": "0"]),
                output: .bytes(limit: Self.maximumOutputBytes), error: .string(limit: 64 * 1024))
            guard case .exited(0) = result.terminationStatus else {
                let message = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
                throw AgentError.source("git could not \(what): \(message)")
            }
            return result.standardOutput
        } catch let error as AgentError {
            throw error
        } catch {
            throw .source("git could not \(what): \(error)", cause: error)
        }
    }
}
