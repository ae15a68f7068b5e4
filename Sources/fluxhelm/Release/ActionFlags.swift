import ArgumentParser

/// A `--timeout` value in Go's duration syntax (`300s`, `5m`, `1h30m`).
struct GoDurationArgument: ExpressibleByArgument, Sendable {
    var duration: Duration
    var text: String

    init(_ duration: Duration, text: String) {
        self.duration = duration
        self.text = text
    }

    init?(argument: String) {
        guard let duration = GoDuration.parse(argument) else { return nil }
        self.init(duration, text: argument)
    }

    var defaultValueDescription: String { text }
}

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

/// `-l/--labels key=value,...` (Helm's string-to-string flag); repeated flags add up.
struct LabelsFlag: ParsableArguments {
    @Option(name: [.customShort("l"), .customLong("labels")],
        help: "Labels added to the release record (key1=value1,key2=value2).")
    var labels: [String] = []

    func parsed() throws -> [String: String] {
        var result: [String: String] = [:]
        for argument in labels {
            for pair in argument.split(separator: ",", omittingEmptySubsequences: true) {
                guard let equals = pair.firstIndex(of: "=") else {
                    throw CLIError(
                        "invalid argument \"\(argument)\" for \"-l, --labels\" flag: "
                            + "\(pair) must be formatted as key=value")
                }
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
        }
        return result
    }
}
