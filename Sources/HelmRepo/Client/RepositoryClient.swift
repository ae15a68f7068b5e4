import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// Reads Helm chart repositories over HTTP(S): fetches `index.yaml`, resolves versions, and downloads,
/// verifies and caches chart archives.
///
/// One client serves any number of repositories (each request carries its own credentials and TLS settings)
/// and shares one on-disk cache. Concurrent downloads of the same chart version run once. Call ``shutdown()``
/// when done, or use ``withRepositoryClient(configuration:logger:isolation:_:)``.
///
/// ```swift
/// try await withRepositoryClient(configuration: .init(cacheDirectory: "/var/cache/fluxhelm")) { client in
///     let repo = Repository(url: "https://charts.example.com")
///     let chart = try await client.fetchChart(named: "nginx", version: "^15", from: repo)
///     print(chart.archivePath)
/// }
/// ```
public final class RepositoryClient: Sendable {
    /// Limits, timeouts and the cache location.
    public struct Configuration: Sendable {
        /// Directory for cached archives (created on first use). Default: ``defaultCacheDirectory``.
        public var cacheDirectory: String

        /// `fluxhelm-charts` in the system's temporary directory.
        public static var defaultCacheDirectory: String {
            FileManager.default.temporaryDirectory.appendingPathComponent("fluxhelm-charts").path
        }
        /// Time to establish a connection. Default 30 seconds.
        public var connectTimeout: Duration
        /// Longest wait for the next bytes of a response. Default 60 seconds.
        public var readTimeout: Duration
        /// Longest time for one whole request, body included. Default 10 minutes.
        public var requestTimeout: Duration
        /// Largest `index.yaml` accepted, in bytes. Default 256 MiB (large public indexes exceed 50 MiB).
        public var maxIndexBytes: Int
        /// Largest chart archive accepted, in bytes. Default 100 MiB.
        public var maxArchiveBytes: Int
        /// Redirects followed per request. Default 10.
        public var maxRedirects: Int

        /// Creates a configuration; every parameter has the default documented on its property.
        public init(
            cacheDirectory: String = Configuration.defaultCacheDirectory,
            connectTimeout: Duration = .seconds(30),
            readTimeout: Duration = .seconds(60),
            requestTimeout: Duration = .seconds(600),
            maxIndexBytes: Int = 256 << 20,
            maxArchiveBytes: Int = 100 << 20,
            maxRedirects: Int = 10
        ) {
            self.cacheDirectory = cacheDirectory
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.requestTimeout = requestTimeout
            self.maxIndexBytes = maxIndexBytes
            self.maxArchiveBytes = maxArchiveBytes
            self.maxRedirects = maxRedirects
        }
    }

    /// The configuration this client was created with.
    public let configuration: Configuration
    let httpClient: HTTPClient
    let cache: ChartCache
    let logger: Logger

    /// Creates a client with its own HTTP connection pool.
    ///
    /// - Parameters:
    ///   - configuration: Limits, timeouts and cache directory.
    ///   - logger: Where to log downloads and cache use; by default nothing is logged.
    public init(configuration: Configuration = Configuration(), logger: Logger? = nil) {
        self.configuration = configuration
        self.logger = logger ?? Logger(label: "fluxhelm.helmrepo", factory: { _ in SwiftLogNoOpLogHandler() })
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: configuration.maxRedirects, allowCycles: false),
            timeout: .init(
                connect: TimeAmount(configuration.connectTimeout),
                read: TimeAmount(configuration.readTimeout)
            )
        )
        httpConfiguration.decompression = .disabled
        // A refused or failed connection is reported at once, as Helm's Go client does, instead of being retried
        // with backoff until the connect timeout (30 s for an unreachable repository).
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        self.httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
        self.cache = ChartCache(directory: configuration.cacheDirectory)
    }

    /// Closes the connection pool. Call once when done; the client cannot be used afterwards.
    public func shutdown() async throws {
        try await httpClient.shutdown()
    }
}

/// Runs `body` with a new ``RepositoryClient`` and shuts it down afterwards, even if `body` throws.
///
/// - Parameters:
///   - configuration: The client's configuration.
///   - logger: Where to log; by default nothing is logged.
///   - body: The work to do with the client.
/// - Returns: What `body` returns.
public func withRepositoryClient<Result>(
    configuration: RepositoryClient.Configuration = .init(),
    logger: Logger? = nil,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (RepositoryClient) async throws -> Result
) async throws -> Result {
    let client = RepositoryClient(configuration: configuration, logger: logger)
    let result: Swift.Result<Result, any Error>
    do {
        result = .success(try await body(client))
    } catch {
        result = .failure(error)
    }
    try await client.shutdown()
    return try result.get()
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
