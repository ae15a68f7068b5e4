import ArgumentParser

/// `-o/--output`: Helm's output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, yaml

    init?(argument: String) {
        self.init(rawValue: argument)
    }
}

/// The `-o/--output` flag every reporting command shares (Helm's `bindOutputFlag`).
struct OutputFlag: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")],
        help: "Prints the output in the specified format (table, json, yaml).")
    var format: OutputFormat = .table
}
