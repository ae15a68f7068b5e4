import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SemVer

/// Called as an archive downloads: bytes received so far and the total if the server announced it.
public typealias DownloadProgress = @Sendable (_ received: Int, _ total: Int?) -> Void

/// A chart version chosen from a repository and its archive on disk.
public struct FetchedChart: Sendable, Hashable {
    /// The chosen version as the index lists it (for a cache hit on an exact version: name, version and digest).
    public var chartVersion: ChartVersion
    /// The archive in the cache.
    public var archive: CachedChart
}

extension RepositoryClient {
    /// Fetches and parses a repository's `index.yaml`.
    ///
    /// Sends `If-None-Match`/`If-Modified-Since` when an earlier answer had an `ETag`/`Last-Modified`, and
    /// reuses that index on `304 Not Modified`.
    ///
    /// - Parameter repository: The repository to read.
    /// - Returns: The parsed index; ``RepositoryIndex/warnings`` lists skipped entries.
    /// - Throws: ``RepoError`` for an unreachable server, 401/403/404 and other statuses, a timeout, a body over
    ///   ``Configuration/maxIndexBytes``, or a bad index; the message starts as Helm's does: `looks like "URL" is
    ///   not a valid chart repository or cannot be reached: …`.
    public func index(for repository: Repository) async throws(RepoError) -> RepositoryIndex {
        let url = try repository.indexURL
        do throws(RepoError) {
            let cached = await cache.cachedIndex(url)
            var headers: [(String, String)] = []
            if let etag = cached?.etag { headers.append(("If-None-Match", etag)) }
            if let modified = cached?.lastModified { headers.append(("If-Modified-Since", modified)) }
            let (result, body) = try await getBody(
                url,
                repository: repository,
                headers: headers,
                limit: configuration.maxIndexBytes
            )
            if result.status == 304, let cached {
                logger.debug("index not modified", metadata: ["fluxhelm.repository.url": "\(url)"])
                return cached.index
            }
            let index = try RepositoryIndex(yaml: String(buffer: body), source: url)
            for warning in index.warnings { logger.warning("\(warning)") }
            let etag = result.headers.first(name: "ETag")
            let modified = result.headers.first(name: "Last-Modified")
            if etag != nil || modified != nil {
                await cache.storeIndex(url, .init(etag: etag, lastModified: modified, index: index))
            }
            return index
        } catch {
            throw .notARepository(repository.url, error)
        }
    }

    /// Resolves a chart version in a repository and makes sure its archive is in the cache.
    ///
    /// When `version` is an exact version already in the cache (verified against its recorded digest), no
    /// request is made at all; otherwise the index is fetched, the version resolved as ``RepositoryIndex/resolve(_:version:devel:repositoryURL:)``
    /// does, and the archive downloaded if needed.
    ///
    /// - Parameters:
    ///   - name: The chart name.
    ///   - version: A version or constraint; `""` for the latest release.
    ///   - devel: With an empty `version`, consider prereleases (Helm's `--devel`).
    ///   - repository: Where to look.
    ///   - progress: Called as the archive downloads.
    /// - Returns: The chosen version and its cached archive.
    /// - Throws: ``RepoError`` (see ``index(for:)``, ``RepositoryIndex/resolve(_:version:devel:repositoryURL:)``
    ///   and ``downloadChart(_:from:progress:)``).
    public func fetchChart(
        named name: String,
        version: String = "",
        devel: Bool = false,
        from repository: Repository,
        progress: DownloadProgress? = nil
    ) async throws(RepoError) -> FetchedChart {
        if !version.isEmpty, !isRange(version), (try? Version(version)) != nil {
            let path = cache.archivePath(repositoryURL: repository.url, name: name, version: version)
            if let hit = cache.validEntry(at: path, expectedDigest: "", limit: configuration.maxArchiveBytes),
                let chartVersion = try? ChartVersion(name: name, version: version, urls: [], digest: hit.digest)
            {
                logger.debug("chart cache hit", metadata: ["fluxhelm.chart": "\(name)-\(version)"])
                return FetchedChart(chartVersion: chartVersion, archive: hit)
            }
        }
        let repositoryIndex = try await index(for: repository)
        let chosen = try repositoryIndex.resolve(name, version: version, devel: devel, repositoryURL: repository.url)
        let archive = try await downloadChart(chosen, from: repository, progress: progress)
        return FetchedChart(chartVersion: chosen, archive: archive)
    }

    /// Puts a chart version's archive in the cache, downloading it unless a valid copy is already there.
    ///
    /// The first URL of `chart` is used, resolved against the repository URL when relative. The archive's
    /// sha256 must equal the index's digest (when the index has one). Concurrent calls for the same repository,
    /// chart and version share one download.
    ///
    /// - Parameters:
    ///   - chart: The version to download, from ``index(for:)``.
    ///   - repository: The repository it belongs to (for URL resolution, credentials and TLS).
    ///   - progress: Called as bytes arrive.
    /// - Returns: The cached archive.
    /// - Throws: ``RepoError`` ``RepoError/Code/noURL``, ``RepoError/Code/digestMismatch``,
    ///   ``RepoError/Code/tooLarge``, HTTP and transport errors naming the archive URL, or
    ///   ``RepoError/Code/cache`` if the cache cannot be written.
    public func downloadChart(
        _ chart: ChartVersion,
        from repository: Repository,
        progress: DownloadProgress? = nil
    ) async throws(RepoError) -> CachedChart {
        let path = cache.archivePath(repositoryURL: repository.url, name: chart.name, version: chart.version)
        let limit = configuration.maxArchiveBytes
        if let hit = cache.validEntry(at: path, expectedDigest: chart.digest, limit: limit) { return hit }
        guard let first = chart.urls.first else {
            throw RepoError(
                code: .noURL,
                message: "chart \(goQuoted(chart.name)) version \(goQuoted(chart.version)) has no downloadable URLs",
                location: repository.url
            )
        }
        let url = try URLResolution.resolve(first, against: repository.url)
        do {
            return try await cache.singleFlight(path) { [self] () async throws -> CachedChart in
                // Another caller may have finished this download while we waited to start.
                if let hit = cache.validEntry(at: path, expectedDigest: chart.digest, limit: limit) { return hit }
                return try await self.download(url, to: path, chart: chart, repository: repository, progress: progress)
            }
        } catch let error as RepoError {
            throw error
        } catch {
            throw .unreachable(url, SendableDescription(error))
        }
    }

    private func download(
        _ url: String,
        to path: String,
        chart: ChartVersion,
        repository: Repository,
        progress: DownloadProgress?
    ) async throws(RepoError) -> CachedChart {
        logger.info(
            "downloading chart", metadata: ["fluxhelm.chart": "\(chart.name)-\(chart.version)", "url": "\(url)"])
        let (temporary, handle) = try cache.makeTemporaryFile(near: path)
        var hasher = SHA256()
        var committed = false
        defer {
            try? handle.close()
            if !committed { try? FileManager.default.removeItem(atPath: temporary) }
        }
        _ = try await get(url, repository: repository, limit: configuration.maxArchiveBytes) {
            (chunk, received, total) throws(RepoError) in
            chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
            do {
                try handle.write(contentsOf: Data(chunk.readableBytesView))
            } catch {
                throw RepoError.cache(temporary, "cannot write", cause: SendableDescription(error))
            }
            progress?(received, total)
        }
        let digest = hasher.finalize().hexString
        if !chart.digest.isEmpty && chart.digest != digest {
            throw .digestMismatch(url, expected: chart.digest, actual: digest)
        }
        do { try handle.synchronize() } catch {
            throw .cache(temporary, "cannot flush", cause: SendableDescription(error))
        }
        try cache.commit(temporary: temporary, to: path, digest: digest)
        committed = true
        return CachedChart(archivePath: path, digest: digest, fromCache: false)
    }
}

/// Helm's `isVersionRange`: operators, wildcards or `||`/` - ` mark a constraint rather than one version.
func isRange(_ version: String) -> Bool {
    if version.contains(where: { "^~<>=!*".contains($0) }) || version.contains("||") || version.contains(" - ") {
        return true
    }
    let core = version.split(whereSeparator: { $0 == "-" || $0 == "+" }).first.map(String.init) ?? version
    return core.contains("x") || core.contains("X")
}
