import ArgumentParser
import HelmRelease

/// `fluxhelm rollback`: rolls a release back to a revision (the previous one by default), as `helm rollback`.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Roll back a release to a previous revision.")

    @Argument(help: "The release name.")
    var name: String
    @Argument(help: "The revision (default: the previous one).")
    var revision: String?

    @OptionGroup var cluster: ClusterFlags
    @OptionGroup var waitFlags: WaitFlags

    @Flag(name: [.customLong("force-replace"), .customLong("force")],
        help: "Replace objects that cannot be updated in place.")
    var force = false
    @Flag(name: .customLong("force-conflicts"), help: "Server-side apply forces changes against conflicts.")
    var forceConflicts = false
    @Flag(name: .customLong("no-hooks"), help: "Prevent hooks from running during rollback.")
    var noHooks = false
    @Flag(name: .customLong("cleanup-on-fail"), help: "Delete new resources created in this rollback when it fails.")
    var cleanupOnFail = false
    @Flag(name: .customLong("dry-run"), help: "Simulate a rollback.")
    var dryRun = false
    @Option(name: .customLong("history-max"),
        help: "Limit the maximum number of revisions saved per release (0: all; default: $HELM_MAX_HISTORY, else 10).")
    var historyMax: Int?

    var maxHistory: Int { historyMax ?? ClusterFlags.defaultMaxHistory }

    func run() async throws {
        // Helm marks the two flags mutually exclusive: a replace and a forced apply are different remedies.
        guard !(force && forceConflicts) else {
            throw CLIError(
                "if any flags in the group [force-replace force-conflicts] are set none of the others can be; "
                    + "[force-conflicts force-replace] were all set")
        }
        var options = RollbackOptions()
        if let revision {
            guard let version = Int(revision) else {
                throw CLIError(
                    "could not convert revision to a number: strconv.Atoi: parsing \"\(revision)\": invalid syntax")
            }
            options.version = version
        }
        options.wait = waitFlags.wait
        options.waitForJobs = waitFlags.waitForJobs
        options.timeout = waitFlags.timeout.duration
        options.force = force
        options.forceConflicts = forceConflicts
        options.noHooks = noHooks
        options.cleanupOnFail = cleanupOnFail
        options.dryRun = dryRun
        do {
            _ = try await cluster.withActions(maxHistory: maxHistory) { actions, namespace in
                try await actions.rollback(name: name, namespace: namespace, options)
            }
        } catch {
            throw CLIError.wrap(error)
        }
        writeOutput("Rollback was a success! Happy Helming!\n")
    }
}
