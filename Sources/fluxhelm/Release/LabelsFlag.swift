import ArgumentParser

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
