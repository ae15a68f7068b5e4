import Agent
import ArgumentParser
import Foundation
import GitSource
import Logging
import KubeController
import Prometheus
import ServiceLifecycle
import Synchronization
import UnixSignals

/// `fluxhelm agent`: keeps the cluster in sync with the repository, on every new commit and every interval.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Apply the manifests of a repository to the cluster on every new commit and every interval.")

    @OptionGroup var source: SyncSourceFlags
    @OptionGroup var cluster: ClusterFlags

    @Option(name: .customLong("sync-interval"), help: "Time between syncs when no new commit arrives.")
    var syncInterval = GoDurationArgument(.seconds(300), text: "5m")

    @Option(name: .customLong("git-poll-interval"), help: "How often --git-url is fetched for new commits.")
    var gitPollInterval = GoDurationArgument(.seconds(60), text: "1m")

    @Option(
        name: .customLong("listen"),
        help: "Serve /healthz, /readyz (ready after the first sync) and /metrics on HOST:PORT (default: off).")
    var listen: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error.")
    var logLevel = "info"

    func validate() throws {
        if let listen, Self.hostPort(listen) == nil {
            throw ValidationError("--listen \(listen) is not HOST:PORT (e.g. 127.0.0.1:8080 or :8080)")
        }
        guard syncInterval.duration > .zero else { throw ValidationError("--sync-interval must be above zero") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level \(logLevel) is not one of trace, debug, info, notice, warning, error")
        }
    }

    func run() async throws {
        var logger = Logger(label: "fluxhelm.agent") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let manifestSource = try await source.manifestSource()
        try await cluster.withClient { client, config in
            let syncer = Syncer(
                client: client, configuration: source.configuration(namespace: cluster.namespace(for: config)))
            let synced = Mutex(false)
            // A poller of the same mirror turns each new commit into a pass, between the intervals.
            var poller: GitPoller<ContinuousClock>?
            var updates: AsyncStream<GitPollEvent>?
            if let gitSource = manifestSource as? GitMirrorSource {
                let made = GitPoller(mirror: gitSource.mirror, pollInterval: gitPollInterval.duration, logger: logger)
                updates = await made.updates(for: gitSource.branch)
                poller = made
            }
            let agent = SyncAgent(
                source: manifestSource, syncer: syncer,
                configuration: SyncAgent.Configuration(interval: syncInterval.duration), logger: logger,
                commitUpdates: updates, onResult: { _ in synced.withLock { $0 = true } })
            var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: agent)]
            if let poller {
                services.append(.init(service: poller))
            }
            if let listen, let (host, port) = Self.hostPort(listen) {
                let health = HealthServer(
                    configuration: HealthServer.Configuration(host: host, port: port, logger: logger),
                    registry: PrometheusCollectorRegistry())
                health.addReadinessCheck("first-sync") { synced.withLock { $0 } }
                services.append(.init(service: health))
            }
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }

    /// `HOST:PORT` or `:PORT` (all interfaces).
    static func hostPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        let host = String(text[..<colon])
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }
}
