import Agent
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
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

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error.")
    var logLevel = "info"

    func validate() throws {
        guard syncInterval.duration > .zero else { throw ValidationError("--sync-interval must be above zero") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level \(logLevel) is not one of trace, debug, info, notice, warning, error")
        }
    }

    func run() async throws {
        var logger = Logger(label: "fluxhelm.agent") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let manifestSource = try source.manifestSource()
        try await cluster.withClient { client, config in
            let syncer = Syncer(
                client: client, configuration: source.configuration(namespace: cluster.namespace(for: config)))
            let agent = SyncAgent(
                source: manifestSource, syncer: syncer,
                configuration: SyncAgent.Configuration(interval: syncInterval.duration), logger: logger)
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [.init(service: agent)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}
