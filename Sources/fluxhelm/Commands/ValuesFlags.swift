import ArgumentParser
import HelmEngine

/// Helm's value flags, shared by every command that renders a chart.
struct ValuesFlags: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("values")], help: "Specify values in a YAML file (can specify multiple).")
    var valueFiles: [String] = []

    @Option(name: .customLong("set"), help: "Set values on the command line (key1=val1,key2=val2).")
    var values: [String] = []

    @Option(name: .customLong("set-string"), help: "Set STRING values on the command line.")
    var stringValues: [String] = []

    @Option(name: .customLong("set-json"), help: "Set JSON values on the command line.")
    var jsonValues: [String] = []

    @Option(name: .customLong("set-file"), help: "Set values from files (key1=path1,key2=path2).")
    var fileValues: [String] = []

    @Option(name: .customLong("set-literal"), help: "Set a literal STRING value on the command line.")
    var literalValues: [String] = []

    var options: ValuesOptions {
        ValuesOptions(
            valueFiles: valueFiles, jsonValues: jsonValues, values: values, stringValues: stringValues,
            fileValues: fileValues, literalValues: literalValues)
    }
}
