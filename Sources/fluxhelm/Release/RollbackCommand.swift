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
    @OptionGroup var history: HistoryMaxFlag
    @OptionGroup var forceFlags: ForceFlags
    @OptionGroup var waitFlags: WaitFlags

    @Flag(name: .customLong("no-hooks"), help: "Prevent hooks from running during rollback.")
    var noHooks = false
    @Flag(name: .customLong("cleanup-on-fail"), help: "Delete new resources created in this rollback when it fails.")
    var cleanupOnFail = false
    @Flag(name: .customLong("dry-run"), help: "Simulate a rollback.")
    var dryRun = false

    func run() async throws {
        try forceFlags.check()
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
        options.force = forceFlags.force
        options.forceConflicts = forceFlags.forceConflicts
        options.noHooks = noHooks
        options.cleanupOnFail = cleanupOnFail
        options.dryRun = dryRun
        do {
            _ = try await cluster.withActions(maxHistory: history.maxHistory) { actions, namespace in
                try await actions.rollback(name: name, namespace: namespace, options)
            }
        } catch {
            throw CLIError.wrap(error)
        }
        writeOutput("Rollback was a success! Happy Helming!\n")
    }
}
