import ArgumentParser
import HelmRelease

/// `fluxhelm test`: runs a release's test hooks and prints the status with their results, as `helm test`.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Run tests for a release.")

    @Argument(help: "The release name.")
    var name: String

    @OptionGroup var cluster: ClusterFlags
    @OptionGroup var output: OutputFlag

    @Option(name: .customLong("timeout"),
        help: "Time to wait for any individual Kubernetes operation (like Jobs for hooks).")
    var timeout = GoDurationArgument(.seconds(300), text: "5m0s")
    @Option(name: .customLong("filter"),
        help: "Run only tests by name (name=test1), or skip some (!name=test2); repeatable, comma-separated.")
    var filter: [String] = []

    func run() async throws {
        var options = TestOptions()
        options.timeout = timeout.duration
        options.filter = filter.flatMap { $0.split(separator: ",").map(String.init) }
        do {
            let release = try await cluster.withActions(maxHistory: 0) { actions, namespace in
                try await actions.test(name: name, namespace: namespace, options)
            }
            writeOutput(try StatusPrinter(release: release, hideNotes: true).write(output.format))
        } catch {
            // As Helm, a failed test run still prints the release with the recorded results, then the error.
            if let error = error as? ReleaseError, error.code != .notFound, error.code != .invalidOperation,
                let release = try? await cluster.withCluster({
                    try await ReleaseLookup.content($0, name: name, revision: 0)
                })
            {
                writeOutput((try? StatusPrinter(release: release, hideNotes: true).write(output.format)) ?? "")
            }
            throw CLIError.wrap(error)
        }
    }
}
