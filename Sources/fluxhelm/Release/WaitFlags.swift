import ArgumentParser

/// `--wait`, `--wait-for-jobs` and `--timeout`, as Helm's mutating commands have them.
struct WaitFlags: ParsableArguments {
    @Flag(name: .customLong("wait"), help: "Wait until every resource is ready (as long as --timeout).")
    var wait = false

    @Flag(name: .customLong("wait-for-jobs"), help: "With --wait, also wait until every Job has completed.")
    var waitForJobs = false

    @Option(name: .customLong("timeout"),
        help: "Time to wait for any individual Kubernetes operation (like Jobs for hooks), e.g. 300s, 5m.")
    var timeout = GoDurationArgument(.seconds(300), text: "5m0s")
}
