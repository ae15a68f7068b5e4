public import Logging

/// A Kubernetes API client: discovery, REST mapping, CRUD, patch, apply, the status subresource and watch, with
/// retries, client-side rate limiting and a timeout on every call.
///
/// Objects are dynamic (``KubeObject``); a call names the type by ``GroupVersionKind`` and the client maps it to
/// its resource through discovery (cached; refreshed once when a kind is unknown, so new CRDs become usable).
///
/// ```swift
/// let config = try KubeConfig.resolve(environment: ProcessInfo.processInfo.environment)
/// try await withKubeClient(config: config) { client in
///     var cm = KubeObject(.configMap, key: ObjectKey(namespace: "default", name: "demo"))
///     cm["data"] = ["greeting": "hello"]
///     let created = try await client.create(cm)
///     for try await event in try await client.watch(.configMap, namespace: "default") { print(event.type) }
/// }
/// ```
///
/// - Important: Call ``shutdown()`` when done (or use ``withKubeClient(config:configuration:isolation:_:)``); the
///   client owns its connection pool.
public final class KubeClient: Sendable {
    /// The cluster this client talks to.
    public let config: KubeConfig
    /// The client's limits and policies.
    public let configuration: Configuration
    /// Maps kinds to resources for this cluster.
    public let restMapper: RESTMapper

    let transport: any KubeTransport
    let rateLimiter: RateLimiter
    let tokenSource: TokenSource
    let clock: ClockBox
    let baseURL: String

    /// Creates a client with the production transport.
    ///
    /// - Throws: ``KubeAPIError/Code/config`` when the TLS material in `config` is not valid.
    public convenience init(config: KubeConfig, configuration: Configuration = Configuration()) throws(KubeAPIError) {
        let transport = try HTTPKubeTransport(config: config, connectTimeout: configuration.connectTimeout)
        self.init(config: config, configuration: configuration, transport: transport)
    }

    /// Creates a client over any transport; the client shuts the transport down in ``shutdown()``.
    public init(config: KubeConfig, configuration: Configuration = Configuration(), transport: any KubeTransport) {
        self.config = config
        self.configuration = configuration
        self.transport = transport
        let clock = ClockBox(configuration.clock)
        self.clock = clock
        rateLimiter = RateLimiter(qps: configuration.qps, burst: configuration.burst, clock: clock)
        tokenSource = TokenSource(
            token: config.token, tokenFile: config.tokenFile, refreshInterval: configuration.tokenRefreshInterval,
            clock: clock)
        var base = config.server
        while base.hasSuffix("/") { base.removeLast() }
        baseURL = base
        restMapper = RESTMapper()
    }

    /// Closes every connection. Call once, after the last call has finished.
    public func shutdown() async throws {
        try await transport.shutdown()
    }
}

/// Runs `body` with a new client and shuts the client down afterwards, even when `body` throws.
///
/// - Parameters:
///   - config: the cluster settings.
///   - configuration: limits and policies. Default: ``KubeClient/Configuration/init(timeout:connectTimeout:qps:burst:retryPolicy:maximumResponseBytes:maximumWatchLineBytes:tokenRefreshInterval:userAgent:clock:logger:)``.
///   - body: the work to do with the client.
/// - Returns: what `body` returns.
public func withKubeClient<Result>(
    config: KubeConfig, configuration: KubeClient.Configuration = KubeClient.Configuration(),
    isolation: isolated (any Actor)? = #isolation, _ body: (KubeClient) async throws -> sending Result
) async throws -> sending Result {
    let client = try KubeClient(config: config, configuration: configuration)
    let result: Result
    do {
        result = try await body(client)
    } catch {
        try? await client.shutdown()
        throw error
    }
    try await client.shutdown()
    return result
}

extension KubeClient {
    /// Limits and policies of a ``KubeClient``.
    public struct Configuration: Sendable {
        /// The default limit for one call, retries and waiting for the rate limiter included. Default: 30 s.
        public var timeout: Duration
        /// The limit for opening a connection. Default: 10 s.
        public var connectTimeout: Duration
        /// Sustained requests per second allowed by the client-side rate limiter. Default: 50.
        public var qps: Double
        /// Requests allowed at once above the sustained rate. Default: 300, kubectl's: one release install or
        /// upgrade of ~50 objects (~170 calls: ownership reads, applies, records, lease) fits in a burst.
        public var burst: Int
        /// When and how to retry. Default: ``RetryPolicy/init(maximumRetries:initialDelay:maximumDelay:jitter:maximumRetryAfter:random:)``.
        public var retryPolicy: RetryPolicy
        /// The cap on one response body. Default: 512 MiB.
        public var maximumResponseBytes: Int
        /// The cap on one watch event line. Default: 16 MiB.
        public var maximumWatchLineBytes: Int
        /// How often a token file is re-read. Default: 60 s.
        public var tokenRefreshInterval: Duration
        /// Sent as `User-Agent`. Default: `fluxhelm`.
        public var userAgent: String
        /// The clock for backoff, rate limiting, timeouts and token refresh. Default: `ContinuousClock`.
        public var clock: any Clock<Duration>
        /// Where the client logs retries (debug level). Default: a logger that discards everything.
        public var logger: Logger

        /// Creates a configuration; every parameter has the default listed on its property.
        public init(
            timeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10), qps: Double = 50,
            burst: Int = 300, retryPolicy: RetryPolicy = RetryPolicy(), maximumResponseBytes: Int = 512 * 1024 * 1024,
            maximumWatchLineBytes: Int = 16 * 1024 * 1024, tokenRefreshInterval: Duration = .seconds(60),
            userAgent: String = "fluxhelm", clock: any Clock<Duration> = ContinuousClock(),
            logger: Logger = Logger(label: "fluxhelm.kubeapi", factory: { _ in SwiftLogNoOpLogHandler() })
        ) {
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.qps = qps
            self.burst = burst
            self.retryPolicy = retryPolicy
            self.maximumResponseBytes = maximumResponseBytes
            self.maximumWatchLineBytes = maximumWatchLineBytes
            self.tokenRefreshInterval = tokenRefreshInterval
            self.userAgent = userAgent
            self.clock = clock
            self.logger = logger
        }
    }
}
