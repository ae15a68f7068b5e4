import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The on-disk archive cache and the bookkeeping that makes concurrent downloads of one chart run once.
///
/// Layout: `DIRECTORY/<first 16 hex of sha256(repository URL)>/<name>-<version>.tgz`, with a
/// `<name>-<version>.tgz.sha256` file beside it holding the digest the archive was verified against. Files are
/// written to a temporary name and renamed into place, so a reader never sees a partial archive; an entry whose
/// bytes no longer match its recorded digest is treated as missing and downloaded again.
actor ChartCache {
    let directory: String
    private var inFlight: [String: [CheckedContinuation<CachedChart, any Error>]] = [:]
    /// Last index per URL with its validators, for conditional requests.
    private var indexes: [String: CachedIndex] = [:]

    struct CachedIndex {
        var etag: String?
        var lastModified: String?
        var index: RepositoryIndex
    }

    init(directory: String) {
        self.directory = directory
    }

    // MARK: Index validators

    func cachedIndex(_ url: String) -> CachedIndex? { indexes[url] }

    func storeIndex(_ url: String, _ entry: CachedIndex) { indexes[url] = entry }

    // MARK: Single flight

    /// Runs `operation` for `key` unless a run for `key` is already under way, in which case this waits for it
    /// and returns (or throws) what it did.
    func singleFlight(
        _ key: String,
        _ operation: @Sendable () async throws -> CachedChart
    ) async throws -> CachedChart {
        if inFlight[key] != nil {
            return try await withCheckedThrowingContinuation { continuation in
                inFlight[key, default: []].append(continuation)
            }
        }
        inFlight[key] = []
        let result: Result<CachedChart, any Error>
        do {
            result = .success(try await operation())
        } catch {
            result = .failure(error)
        }
        let waiters = inFlight.removeValue(forKey: key) ?? []
        for waiter in waiters { waiter.resume(with: result) }
        return try result.get()
    }

    // MARK: Paths (no actor state: callable from any context)

    nonisolated func archivePath(repositoryURL: String, name: String, version: String) -> String {
        let repoKey = SHA256.hash(data: Data(repositoryURL.utf8)).hexString.prefix(16)
        return "\(directory)/\(repoKey)/\(ChartCache.safeComponent(name))-\(ChartCache.safeComponent(version)).tgz"
    }

    static func safeComponent(_ text: String) -> String {
        String(
            text.map { character -> Character in
                character == "/" || character == "\\" || character == "\0" ? "_" : character
            }
        )
    }

    /// Returns the entry at `path` if its bytes hash to its recorded digest (and to `expectedDigest` if given).
    nonisolated func validEntry(at path: String, expectedDigest: String, limit: Int) -> CachedChart? {
        guard let recorded = try? String(contentsOfFile: path + ".sha256", encoding: .utf8) else { return nil }
        let digest = recorded.trimmingCharacters(in: .whitespacesAndNewlines)
        if !expectedDigest.isEmpty && expectedDigest != digest { return nil }
        guard let actual = try? ChartCache.sha256(ofFile: path, limit: limit), actual == digest else { return nil }
        return CachedChart(archivePath: path, digest: digest, fromCache: true)
    }

    static func sha256(ofFile path: String, limit: Int) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            total += chunk.count
            if total > limit { throw CocoaError(.fileReadTooLarge) }
            hasher.update(data: chunk)
        }
        return hasher.finalize().hexString
    }

    /// Moves a finished temporary file into place atomically and records its digest.
    nonisolated func commit(temporary: String, to path: String, digest: String) throws(RepoError) {
        do {
            try Data((digest + "\n").utf8).write(to: URL(fileURLWithPath: path + ".sha256.tmp"), options: .atomic)
        } catch {
            throw .cache(path, "cannot write digest for", cause: SendableDescription(error))
        }
        // Archive first, then its digest: a crash in between leaves an entry that fails validation and is
        // fetched again, never one that validates with the wrong bytes.
        guard rename(temporary, path) == 0, rename(path + ".sha256.tmp", path + ".sha256") == 0 else {
            throw .cache(path, "cannot move downloaded archive into")
        }
    }

    nonisolated func makeTemporaryFile(near path: String) throws(RepoError) -> (String, FileHandle) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cache(folder, "cannot create directory", cause: SendableDescription(error))
        }
        let temporary = "\(folder)/.download-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw .cache(temporary, "cannot create temporary file")
        }
        return (temporary, handle)
    }
}

/// An archive in the cache.
public struct CachedChart: Sendable, Hashable {
    /// Path of the `.tgz` on disk.
    public var archivePath: String
    /// Its sha256 as lowercase hex.
    public var digest: String
    /// Whether it was already cached (no download happened).
    public var fromCache: Bool
}

extension Sequence where Element == UInt8 {
    var hexString: String {
        var text = ""
        for byte in self {
            text += String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16)
        }
        return text
    }
}
