import ArgumentParser
import HelmRelease
import KubeAPI

/// `fluxhelm uninstall`: removes releases and their resources, as `helm uninstall` does.
struct UninstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall", abstract: "Uninstall a release.", aliases: ["del", "delete", "un"])

    @Argument(help: "The release names.")
    var names: [String]

    @OptionGroup var cluster: ClusterFlags

    @Flag(name: .customLong("dry-run"), help: "Simulate an uninstall.")
    var dryRun = false
    @Flag(name: .customLong("no-hooks"), help: "Prevent hooks from running during uninstallation.")
    var noHooks = false
    @Flag(name: .customLong("ignore-not-found"), help: "Treat \"release not found\" as a successful uninstall.")
    var ignoreNotFound = false
    @Flag(name: .customLong("keep-history"),
        help: "Remove the resources and mark the release uninstalled, but keep its history.")
    var keepHistory = false
    @Option(name: .customLong("cascade"), help: "background, orphan or foreground: how dependents are deleted.")
    var cascade = "background"
    @Option(name: .customLong("timeout"),
        help: "Time to wait for any individual Kubernetes operation (like Jobs for hooks).")
    var timeout = GoDurationArgument(.seconds(300), text: "5m0s")
    @Option(name: .customLong("description"), help: "Add a custom description.")
    var description: String?
    @Flag(name: .customLong("wait"), help: "Wait until every resource is deleted (as long as --timeout).")
    var wait = false

    mutating func validate() throws {
        guard !names.isEmpty else { throw ValidationError("requires at least 1 argument: RELEASE_NAME") }
    }

    func run() async throws {
        var options = UninstallOptions()
        switch cascade {
        case "background": options.cascade = .background
        case "foreground": options.cascade = .foreground
        case "orphan": options.cascade = .orphan
        default:
            throw CLIError("invalid cascade value (\(cascade)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
        options.keepHistory = keepHistory
        options.noHooks = noHooks
        options.wait = wait
        options.timeout = timeout.duration
        options.ignoreNotFound = ignoreNotFound
        options.description = description
        guard !dryRun else {
            // A dry run only checks that each release exists, as Helm's prints nothing but the message.
            try await cluster.withCluster { cluster in
                for name in names where !ignoreNotFound {
                    _ = try await ReleaseLookup.history(cluster, name: name)
                }
            }
            for name in names { writeOutput("release \"\(name)\" uninstalled\n") }
            return
        }
        do {
            try await cluster.withActions(maxHistory: 0) { actions, namespace in
                for name in names {
                    let result = try await actions.uninstall(name: name, namespace: namespace, options)
                    if !result.info.isEmpty { writeOutput(result.info + "\n") }
                    writeOutput("release \"\(name)\" uninstalled\n")
                }
            }
        } catch {
            throw CLIError.wrap(error)
        }
    }
}
