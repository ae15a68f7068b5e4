import Hummingbird
public import Logging
public import Prometheus
public import ServiceLifecycle
import NIOCore
import Synchronization

/// A small HTTP server for probes and scraping: `/healthz` (the process is up), `/readyz` (every registered
/// readiness check passes, e.g. caches synced) and `/metrics` (the Prometheus text format of a registry).
///
/// `/readyz` answers 200 `ok` when every check passes, else 503 with one line per check in kube-apiserver's
/// style (`[+]informers ok`, `[-]informers failed`). Run it as a `Service`; it stops at graceful shutdown.
///
/// ```swift
/// let registry = PrometheusCollectorRegistry()
/// let server = HealthServer(configuration: .init(port: 8080), registry: registry)
/// server.addReadinessCheck("informers") { informer.hasSynced }
/// ```
public final class HealthServer: Service, Sendable {
    /// Where the server listens; every field has a default.
    public struct Configuration: Sendable {
        /// The address to bind. Default: `127.0.0.1`.
        public var host: String
        /// The port; 0 lets the system pick one (see ``HealthServer/port``). Default: 8080.
        public var port: Int
        /// Where the server logs. Default: nowhere.
        public var logger: Logger

        /// Creates a configuration; every parameter has the default listed on its property.
        public init(
            host: String = "127.0.0.1", port: Int = 8080,
            logger: Logger = Logger(label: "fluxhelm.health", factory: { _ in SwiftLogNoOpLogHandler() })
        ) {
            self.host = host
            self.port = port
            self.logger = logger
        }
    }

    /// The listening settings.
    public let configuration: Configuration
    /// The registry `/metrics` serves.
    public let registry: PrometheusCollectorRegistry

    private struct State: Sendable {
        var checks: [(name: String, check: @Sendable () async -> Bool)] = []
        var scrapeHooks: [@Sendable () -> Void] = []
        var port: Int?
        var portWaiters: [CheckedContinuation<Int, Never>] = []
    }
    private let state = Mutex(State())

    /// Creates a server; it listens once ``run()`` starts.
    public init(configuration: Configuration = Configuration(), registry: PrometheusCollectorRegistry) {
        self.configuration = configuration
        self.registry = registry
    }

    /// Adds a readiness check named `name`; `/readyz` passes only when every check returns `true`.
    public func addReadinessCheck(_ name: String, _ check: @escaping @Sendable () async -> Bool) {
        state.withLock { $0.checks.append((name, check)) }
    }

    /// Adds a function run before each scrape, to bring gauges computed on demand up to date (such as
    /// ``WorkQueue/updateUnfinishedWorkMetrics()``).
    public func addScrapeHook(_ hook: @escaping @Sendable () -> Void) {
        state.withLock { $0.scrapeHooks.append(hook) }
    }

    /// The bound port, once listening; waits until then.
    public var port: Int {
        get async {
            await withCheckedContinuation { continuation in
                let port = state.withLock { state -> Int? in
                    if let port = state.port { return port }
                    state.portWaiters.append(continuation)
                    return nil
                }
                if let port { continuation.resume(returning: port) }
            }
        }
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        let router = Router()
        router.get("healthz") { _, _ in "ok" }
        router.get("readyz") { _, _ in await self.readiness() }
        router.get("metrics") { _, _ in self.scrape() }
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in self.listening(on: channel.localAddress?.port ?? 0) },
            logger: configuration.logger)
        try await app.runService()
    }

    private func listening(on port: Int) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, Never>] in
            state.port = port
            defer { state.portWaiters.removeAll() }
            return state.portWaiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    private func readiness() async -> Response {
        let checks = state.withLock { $0.checks }
        var lines: [String] = []
        var ready = true
        for (name, check) in checks {
            let passed = await check()
            ready = ready && passed
            lines.append(passed ? "[+]\(name) ok" : "[-]\(name) failed")
        }
        let body = ready ? "ok" : lines.joined(separator: "\n") + "\nreadyz check failed"
        return Response(
            status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private func scrape() -> Response {
        for hook in state.withLock({ $0.scrapeHooks }) { hook() }
        let text = registry.emitToBuffer()
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
    }
}
