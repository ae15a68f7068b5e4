import Foundation

extension GitMirror {
    /// The bytes of many files listed by ``listFiles(under:at:)``, read by one `git cat-file --batch` process
    /// instead of a lookup and a read per file.
    ///
    /// - Parameters:
    ///   - entries: entries of `path` at `commit`, as ``listFiles(under:at:)`` returned them.
    ///   - path: the directory they were listed under, so errors name each file's full path.
    ///   - limit: the largest size accepted per file; ``GitConfiguration/maximumFileBytes`` when nil.
    /// - Returns: the contents, in the order of `entries`.
    /// - Throws: what ``readFile(_:at:limit:)`` throws for an entry that is not a regular file or is too large,
    ///   before anything is read; ``GitSourceError/Code/gitFailed`` when git's answer is not the blobs asked for.
    public func readFiles(_ entries: [GitTreeEntry], under path: String, at commit: GitCommit, limit: Int? = nil)
        async throws(GitSourceError) -> [[UInt8]]
    {
        guard !entries.isEmpty else { return [] }
        let limit = limit ?? configuration.maximumFileBytes
        let prefix = path.isEmpty || path == "." ? "" : (path.hasSuffix("/") ? path : path + "/")
        var expected = 0
        var request: [UInt8] = []
        for entry in entries {
            try checkReadable(entry, path: prefix + entry.path, at: commit, limit: limit)
            // Each answer is "OBJECT blob SIZE\n", the bytes and "\n".
            expected += (entry.size ?? 0) + entry.object.utf8.count + 32
            request += Array(entry.object.utf8) + [UInt8(ascii: "\n")]
        }
        let what =
            "git cat-file --batch of \(entries.count) files under \(prefix.isEmpty ? "/" : prefix) at "
            + "\(commit.short) in \(remote.redacted)"
        let output = try await runner.checked(
            ["cat-file", "--batch"], in: directory, network: false, input: request, outputLimit: expected,
            ref: commit.sha, path: path, what: what)
        guard let contents = Self.parseBatch(output.stdout, entries: entries) else {
            throw .failed(
                what, code: .gitFailed, url: remote.redacted, ref: commit.sha, path: path,
                stderr: "unexpected answer from git cat-file --batch", hint: nil)
        }
        return contents
    }

    /// How many commits `newer` has that `older` lacks (`git rev-list --count older..newer`); nil when either
    /// is not a commit of the mirror.
    public func commitCount(from older: GitCommit, to newer: GitCommit) async -> Int? {
        let output = try? await runner.run(
            ["rev-list", "--count", "\(older.sha)..\(newer.sha)"], in: directory, network: false,
            what: "git rev-list --count \(older.short)..\(newer.short) in \(remote.redacted)")
        guard let output, output.succeeded else { return nil }
        return Int(output.text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Splits `cat-file --batch` output into the blobs of `entries`, checking each header names the entry's
    /// object, type `blob` and the size that follows; nil when it does not.
    static func parseBatch(_ bytes: [UInt8], entries: [GitTreeEntry]) -> [[UInt8]]? {
        var result: [[UInt8]] = []
        result.reserveCapacity(entries.count)
        var index = bytes.startIndex
        for entry in entries {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let header = bytes[index..<newline].split(separator: UInt8(ascii: " "))
            guard header.count == 3, String(decoding: header[0], as: UTF8.self) == entry.object,
                String(decoding: header[1], as: UTF8.self) == "blob",
                let size = Int(String(decoding: header[2], as: UTF8.self)),
                newline + 1 + size < bytes.endIndex, bytes[newline + 1 + size] == UInt8(ascii: "\n")
            else { return nil }
            result.append(Array(bytes[(newline + 1)..<(newline + 1 + size)]))
            index = newline + 2 + size
        }
        return result
    }
}
