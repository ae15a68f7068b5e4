import ArgumentParser

/// `--force-replace` and `--force-conflicts`, as `helm upgrade` and `helm rollback` have them.
struct ForceFlags: ParsableArguments {
    @Flag(name: [.customLong("force-replace"), .customLong("force")],
        help: "Replace objects that cannot be updated in place.")
    var force = false
    @Flag(name: .customLong("force-conflicts"), help: "Server-side apply forces changes against conflicts.")
    var forceConflicts = false

    /// Helm marks the two flags mutually exclusive: a replace and a forced apply are different remedies.
    func check() throws {
        guard !(force && forceConflicts) else {
            throw CLIError(
                "if any flags in the group [force-replace force-conflicts] are set none of the others can be; "
                    + "[force-conflicts force-replace] were all set")
        }
    }
}

/// `--history-max`, with Helm's `$HELM_MAX_HISTORY` default.
struct HistoryMaxFlag: ParsableArguments {
    @Option(name: .customLong("history-max"),
        help: "Limit the maximum number of revisions saved per release (0: all; default: $HELM_MAX_HISTORY, else 10).")
    var historyMax: Int?

    /// The limit in force.
    var maxHistory: Int { historyMax ?? ClusterFlags.defaultMaxHistory }
}

/// The flags `helm install` and `helm upgrade` share word for word.
struct ChartReleaseFlags: ParsableArguments {
    @Flag(name: .customLong("take-ownership"),
        help: "Take ownership of existing resources not annotated as this release's.")
    var takeOwnership = false
    @Option(name: .customLong("description"), help: "Add a custom description.")
    var description: String?
    @Flag(name: .customLong("hide-notes"), help: "Do not show notes in the output.")
    var hideNotes = false
    @Flag(name: .customLong("skip-schema-validation"), help: "Disable JSON schema validation.")
    var skipSchemaValidation = false
}
