import Foundation

extension GitMirror {
    /// What an export wrote.
    public struct Export: Sendable, Hashable {
        /// The tree hash of the exported directory (see ``GitMirror/treeHash(of:at:)``).
        public var treeHash: String
        /// How many files were written.
        public var fileCount: Int
        /// Their total size in bytes.
        public var byteCount: Int
    }

    /// Writes the contents of the directory `path` at `commit` into `destination`, which is created and must not
    /// exist yet or be empty.
    ///
    /// The files land directly in `destination` (`charts/app/Chart.yaml` exported from `charts/app` becomes
    /// `destination/Chart.yaml`). No work tree or index of the mirror is touched: the tree is read into a
    /// temporary index and checked out from there, so exports of one mirror can run side by side. Submodules are
    /// skipped; symbolic links are refused, since one could point outside the export.
    ///
    /// - Throws: ``GitSourceError/Code/pathNotFound`` when `path` is missing or a file;
    ///   ``GitSourceError/Code/tooLarge`` over ``GitConfiguration/maximumExportBytes`` or
    ///   ``GitConfiguration/maximumExportFiles``; ``GitSourceError/Code/invalidArgument`` for a symbolic link;
    ///   ``GitSourceError/Code/io`` when `destination` is not empty or cannot be written.
    @discardableResult
    public func export(_ path: String, at commit: GitCommit, into destination: String) async throws(GitSourceError)
        -> Export
    {
        let entries = try await listFiles(under: path, at: commit)
        let tree = try await treeHash(of: path, at: commit)
        var bytes = 0
        for entry in entries {
            if entry.kind == .symlink {
                throw .invalidArgument(
                    "\(path.isEmpty ? "" : path + "/")\(entry.path) at \(commit.short) of \(remote.redacted) is a "
                        + "symbolic link, which is not exported", url: remote.redacted, ref: commit.sha, path: path)
            }
            bytes += entry.size ?? 0
        }
        guard bytes <= configuration.maximumExportBytes else {
            throw .tooLarge(
                "\(path) at \(commit.short) of \(remote.redacted) holds \(bytes) bytes, over the export limit of "
                    + "\(configuration.maximumExportBytes)", url: remote.redacted, ref: commit.sha, path: path)
        }
        try Self.prepareDestination(destination)
        let index = NSTemporaryDirectory() + "fluxhelm-export-\(UUID().uuidString).index"
        defer { try? FileManager.default.removeItem(atPath: index) }
        let environment = ["GIT_INDEX_FILE": index]
        _ = try await runner.checked(
            ["read-tree", tree], in: directory, network: false, environment: environment, ref: commit.sha,
            path: path, what: "git read-tree of \(path) at \(commit.short) in \(remote.redacted)")
        _ = try await runner.checked(
            ["--work-tree=\(destination)", "checkout-index", "--all", "--force"], in: directory, network: false,
            environment: environment, ref: commit.sha, path: path,
            what: "git checkout-index of \(path) at \(commit.short) from \(remote.redacted) into \(destination)")
        let files = entries.filter { $0.kind != .submodule }
        return Export(treeHash: tree, fileCount: files.count, byteCount: bytes)
    }

    private static func prepareDestination(_ destination: String) throws(GitSourceError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: destination, isDirectory: &isDirectory) {
            let contents = (try? manager.contentsOfDirectory(atPath: destination)) ?? ["?"]
            guard isDirectory.boolValue, contents.isEmpty else {
                throw .io("export destination \(destination) exists and is not an empty directory", path: destination)
            }
            return
        }
        do {
            try manager.createDirectory(atPath: destination, withIntermediateDirectories: true)
        } catch {
            throw .io("could not create export destination \(destination): \(error)", path: destination, cause: error)
        }
    }
}
