import ArgumentParser
import HelmRelease

/// `fluxhelm status`: the status report of a release, as `helm status` prints it.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Display the status of the named release.")

    @Argument(help: "The release name.")
    var name: String

    @OptionGroup var cluster: ClusterFlags
    @OptionGroup var output: OutputFlag

    @Option(name: .customLong("revision"), help: "If set, display the status of the named release with revision.")
    var revision = 0

    func run() async throws {
        do {
            var release = try await cluster.withCluster { cluster in
                try await ReleaseLookup.content(cluster, name: name, revision: revision)
            }
            release.chart = nil  // Helm drops the chart before printing a status
            writeOutput(try StatusPrinter(release: release).write(output.format))
        } catch {
            throw CLIError.wrap(error)
        }
    }
}
