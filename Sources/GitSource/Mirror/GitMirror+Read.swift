import Foundation

extension GitMirror {
    /// Resolves a branch, tag, full or abbreviated commit ID, `HEAD` or full ref name (`refs/...`) to a commit.
    ///
    /// Names are tried as a branch first, then as a tag (annotated tags are peeled), then as a commit ID. Reads
    /// the mirror as last fetched; clones first if there is no mirror yet.
    ///
    /// - Throws: ``GitSourceError/Code/refNotFound`` naming the ref and the URL;
    ///   ``GitSourceError/Code/invalidArgument`` for a malformed ref.
    public func resolve(_ ref: String) async throws(GitSourceError) -> GitCommit {
        try RepositoryPath.checkRef(ref, url: remote.redacted)
        try await ensureCloned()
        var candidates: [String]
        if ref == "HEAD" || ref.hasPrefix("refs/") {
            candidates = [ref]
        } else {
            candidates = ["refs/heads/\(ref)", "refs/tags/\(ref)"]
            if (4...64).contains(ref.utf8.count), ref.utf8.allSatisfy(GitCommit.isLowerHex) { candidates.append(ref) }
        }
        for candidate in candidates {
            let output = try await runner.run(
                ["rev-parse", "--verify", "--quiet", "--end-of-options", candidate + "^{commit}"], in: directory,
                network: false, what: "git rev-parse \(ref) in \(remote.redacted)")
            let sha = output.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if output.succeeded, GitCommit.isObjectID(sha) { return GitCommit(trusted: sha) }
        }
        throw .refNotFound(ref, url: remote.redacted)
    }

    /// The object ID of the directory `path` at `commit`: it changes exactly when something under `path` changes.
    ///
    /// - Parameter path: a `/`-separated path from the repository root; "" or "." is the root.
    /// - Throws: ``GitSourceError/Code/pathNotFound`` naming the path, commit and URL when it does not exist or is
    ///   not a directory.
    public func treeHash(of path: String, at commit: GitCommit) async throws(GitSourceError) -> String {
        let entry = try await entry(path, at: commit)
        guard entry.kind == .directory else {
            throw .pathNotFound(
                entry.path, commit: commit.sha, url: remote.redacted, what: "is a file, not a directory")
        }
        return entry.object
    }

    /// Lists every file under the directory `path` at `commit`, recursively, with paths relative to `path`.
    ///
    /// - Throws: ``GitSourceError/Code/pathNotFound`` when `path` is missing or a file;
    ///   ``GitSourceError/Code/tooLarge`` over ``GitConfiguration/maximumExportFiles`` entries.
    public func listFiles(under path: String, at commit: GitCommit) async throws(GitSourceError) -> [GitTreeEntry] {
        let tree = try await treeHash(of: path, at: commit)
        let output = try await runner.checked(
            ["ls-tree", "-r", "-l", "-z", tree], in: directory, network: false, ref: commit.sha, path: path,
            what: "git ls-tree of \(path) at \(commit.short) in \(remote.redacted)")
        let entries = Self.parseTree(output.stdout)
        guard entries.count <= configuration.maximumExportFiles else {
            throw .tooLarge(
                "\(path) at \(commit.short) of \(remote.redacted) has more than \(configuration.maximumExportFiles) "
                    + "files", url: remote.redacted, ref: commit.sha, path: path)
        }
        return entries
    }

    /// The bytes of the file `path` at `commit`.
    ///
    /// - Parameter limit: the largest size accepted; ``GitConfiguration/maximumFileBytes`` when nil.
    /// - Throws: ``GitSourceError/Code/pathNotFound`` when the path is missing or not a file;
    ///   ``GitSourceError/Code/tooLarge`` when the file is larger than `limit`.
    public func readFile(_ path: String, at commit: GitCommit, limit: Int? = nil) async throws(GitSourceError)
        -> [UInt8]
    {
        let limit = limit ?? configuration.maximumFileBytes
        let entry = try await entry(path, at: commit)
        try checkReadable(entry, path: entry.path, at: commit, limit: limit)
        let output = try await runner.checked(
            ["cat-file", "blob", entry.object], in: directory, network: false, outputLimit: limit, ref: commit.sha,
            path: entry.path, what: "git cat-file of \(entry.path) at \(commit.short) in \(remote.redacted)")
        return output.stdout
    }

    /// Throws unless `entry` is a regular file of at most `limit` bytes; `path` is what errors name.
    func checkReadable(_ entry: GitTreeEntry, path: String, at commit: GitCommit, limit: Int) throws(GitSourceError) {
        guard entry.kind == .file || entry.kind == .executable, let size = entry.size else {
            throw .pathNotFound(path, commit: commit.sha, url: remote.redacted, what: "is not a regular file")
        }
        guard size <= limit else {
            throw .tooLarge(
                "\(path) at \(commit.short) of \(remote.redacted) is \(size) bytes, over the limit of \(limit)",
                url: remote.redacted, ref: commit.sha, path: path)
        }
    }

    /// The tree entry for `path` at `commit`; the root is a directory entry with the commit's tree.
    func entry(_ path: String, at commit: GitCommit) async throws(GitSourceError) -> GitTreeEntry {
        let normalised = try RepositoryPath.normalise(path, url: remote.redacted)
        try await ensureCloned()
        if normalised.isEmpty {
            let output = try await runner.run(
                ["rev-parse", "--verify", "--quiet", "--end-of-options", commit.sha + "^{tree}"], in: directory,
                network: false, what: "git rev-parse of \(commit.short) in \(remote.redacted)")
            let tree = output.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard output.succeeded, GitCommit.isObjectID(tree) else {
                throw .refNotFound(commit.sha, url: remote.redacted)
            }
            return GitTreeEntry(path: "", kind: .directory, object: tree, size: nil)
        }
        let output = try await runner.run(
            ["ls-tree", "-l", "-z", "--full-tree", commit.sha, "--", normalised], in: directory, network: false,
            what: "git ls-tree of \(normalised) at \(commit.short) in \(remote.redacted)")
        guard output.succeeded else {
            // ls-tree fails only when the commit itself is missing; a missing path prints nothing.
            throw .refNotFound(commit.sha, url: remote.redacted)
        }
        guard let entry = Self.parseTree(output.stdout).first(where: { $0.path == normalised }) else {
            throw .pathNotFound(normalised, commit: commit.sha, url: remote.redacted)
        }
        return entry
    }

    /// Parses `git ls-tree -l -z` output: `MODE TYPE OBJECT SIZE\tPATH\0` per entry.
    static func parseTree(_ bytes: [UInt8]) -> [GitTreeEntry] {
        bytes.split(separator: 0).compactMap { record in
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
            let fields = record[..<tab].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
            guard fields.count >= 3 else { return nil }
            let mode = String(decoding: fields[0], as: UTF8.self)
            let kind: GitTreeEntry.Kind
            switch mode {
            case "100644", "100664": kind = .file
            case "100755": kind = .executable
            case "120000": kind = .symlink
            case "040000": kind = .directory
            case "160000": kind = .submodule
            default: return nil
            }
            let size = fields.count >= 4 ? Int(String(decoding: fields[3], as: UTF8.self)) : nil
            return GitTreeEntry(
                path: String(decoding: record[record.index(after: tab)...], as: UTF8.self), kind: kind,
                object: String(decoding: fields[2], as: UTF8.self), size: size)
        }
    }
}
