import Crypto
import Foundation

/// Reads the sync paths from a directory on disk (a local checkout, `--path DIR`).
///
/// The revision is a digest of the files read (`dir:` and 24 hex digits), not a commit: the work tree may hold
/// changes no commit has, and the digest changes exactly when the synced content does.
public struct DirectorySource: Sendable {
    /// The repository root.
    public var root: String
    /// The paths under the root to read (directories or single files); empty reads the whole root.
    public var paths: [String]

    /// Most files read in one snapshot, so a path pointing at a huge tree is an error, not an endless read.
    public static let maximumFiles = 100_000

    /// Creates a source.
    public init(root: String, paths: [String]) {
        self.root = root
        self.paths = paths
    }

    /// Reads every manifest file under the paths.
    ///
    /// - Throws: ``AgentError/Code/source`` when a path does not exist or a file cannot be read.
    public func snapshotNow() throws(AgentError) -> SourceSnapshot {
        let fm = FileManager.default
        let base = URL(fileURLWithPath: root).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .source("the directory \(root) does not exist")
        }
        var files: [SourceFile] = []
        var seen: Set<String> = []
        for path in paths.isEmpty ? ["."] : paths {
            let start = base.appendingPathComponent(path).standardizedFileURL
            guard fm.fileExists(atPath: start.path, isDirectory: &isDirectory) else {
                throw .source("the path \(path) does not exist under \(root)")
            }
            var candidates: [URL] = []
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(at: start, includingPropertiesForKeys: [.isRegularFileKey]) else {
                    throw .source("cannot list \(path) under \(root)")
                }
                for case let url as URL in walker {
                    // Git's own directory never holds manifests.
                    if url.lastPathComponent == ".git" { walker.skipDescendants(); continue }
                    candidates.append(url)
                }
            } else {
                candidates.append(start)
            }
            for url in candidates {
                let relative = Self.relativePath(url.standardizedFileURL.path, base: base.path)
                guard SourceFile(path: relative, contents: []).isManifest, !seen.contains(relative) else { continue }
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let size = (try? fm.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                let contents: [UInt8]
                if size > ManifestParser.maximumFileBytes {
                    // Keep one byte over the cap so the parser reports the file as too large.
                    contents = Array(repeating: 0, count: ManifestParser.maximumFileBytes + 1)
                } else {
                    guard let data = fm.contents(atPath: url.path) else { throw .source("cannot read \(relative)") }
                    contents = [UInt8](data)
                }
                seen.insert(relative)
                files.append(SourceFile(path: relative, contents: contents))
                guard files.count <= Self.maximumFiles else {
                    throw .source("more than \(Self.maximumFiles) files under the sync paths of \(root)")
                }
            }
        }
        files.sort { $0.path < $1.path }
        return SourceSnapshot(revision: "dir:" + Self.digest(files), files: files)
    }

    static func relativePath(_ path: String, base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// A digest over every file's path and contents.
    static func digest(_ files: [SourceFile]) -> String {
        var hasher = SHA256()
        for file in files {
            hasher.update(data: Array(file.path.utf8) + [0])
            hasher.update(data: Array(String(file.contents.count).utf8) + [0])
            hasher.update(data: file.contents)
        }
        return hasher.finalize().prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}
