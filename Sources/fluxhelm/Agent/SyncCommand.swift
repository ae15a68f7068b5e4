import Agent
import ArgumentParser
import Foundation
import Logging

/// `fluxhelm sync`: applies the repository's manifests once and exits, non-zero if any object failed.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Apply the manifests of a repository to the cluster once (or, with --dry-run, print them).")

    @OptionGroup var source: SyncSourceFlags
    @OptionGroup var cluster: ClusterFlags

    @Flag(name: .customLong("dry-run"), help: "Print what would be applied, in apply order; needs no cluster.")
    var dryRun = false

    func run() async throws {
        let snapshot = try await source.snapshot()
        if dryRun {
            let preview = await SyncPreview.make(snapshot, configuration: source.configuration(namespace: "default"))
            FileHandle.standardOutput.write(Data(preview.yaml.utf8))
            try Self.report(preview.failures, count: preview.objects.count, revision: preview.revision)
            return
        }
        let result = try await cluster.withClient { client, config in
            let syncer = Syncer(
                client: client, configuration: source.configuration(namespace: cluster.namespace(for: config)))
            do {
                return try await syncer.sync(snapshot, logger: Self.logger)
            } catch let error as AgentError {
                throw CLIError(error.message)
            }
        }
        print(result.description)
        for name in result.pruneDisowned { print("not pruned (no longer labelled as ours): \(name)") }
        if !result.succeeded {
            for failure in result.failures { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
            throw ExitCode(1)
        }
    }

    /// Prints failures to standard error and fails the command when there are any.
    static func report(_ failures: [SyncFailure], count: Int, revision: String) throws {
        FileHandle.standardError.write(Data("\(count) objects at revision \(revision)\n".utf8))
        guard !failures.isEmpty else { return }
        for failure in failures { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
        throw ExitCode(1)
    }

    /// Only critical messages are logged; the command prints the summary and every failure itself.
    static var logger: Logger {
        var logger = Logger(label: "fluxhelm.sync") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .critical
        return logger
    }
}
