import ArgumentParser
import Foundation
import HelmEngine

/// `fluxhelm show`: prints information about a chart, as `helm show` does.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show information about a chart.",
        subcommands: [Chart.self, Values.self, Readme.self, CRDs.self, All.self]
    )

    /// The chart argument every `show` subcommand takes.
    struct ChartArgument: ParsableArguments {
        @Argument(help: "The chart: a directory or a .tgz archive.")
        var chart: String

        func load() throws -> HelmEngine.Chart { try ChartLoader().load(path: chart) }
    }

    struct Chart: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the chart's definition (Chart.yaml).")
        @OptionGroup var chart: ChartArgument
        func run() async throws { write(try ChartInfo.chart(try chart.load())) }
    }

    struct Values: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the chart's values.yaml.")
        @OptionGroup var chart: ChartArgument
        func run() async throws { write(ChartInfo.values(try chart.load())) }
    }

    struct Readme: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the chart's README.")
        @OptionGroup var chart: ChartArgument
        func run() async throws { write(ChartInfo.readme(try chart.load())) }
    }

    struct CRDs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "crds", abstract: "Show the chart's CRDs.")
        @OptionGroup var chart: ChartArgument
        func run() async throws { write(ChartInfo.crds(try chart.load())) }
    }

    struct All: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show all information about the chart.")
        @OptionGroup var chart: ChartArgument
        func run() async throws { write(try ChartInfo.all(try chart.load())) }
    }
}

private func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// The texts `helm show` prints (`action.Show`).
enum ChartInfo {
    /// Chart.yaml re-encoded from the parsed metadata, as Helm does.
    static func chart(_ chart: HelmEngine.Chart) throws -> String {
        try GoYAML.encode(chart.metadata.jsonValue) + "\n"
    }

    /// values.yaml exactly as written.
    static func values(_ chart: HelmEngine.Chart) -> String {
        chart.valuesText ?? ""
    }

    /// The first README Helm recognises (`README.md`, `readme.md`, `README.txt`, `readme.txt`, `README`, `readme`).
    static func readme(_ chart: HelmEngine.Chart) -> String {
        for name in ["README.md", "readme.md", "README.txt", "readme.txt", "README", "readme", "Readme.md"] {
            if let file = chart.files.first(where: { $0.name.lowercased() == name.lowercased() }) {
                return file.text + "\n"
            }
        }
        return ""
    }

    /// Each CRD file after a `---` line.
    static func crds(_ chart: HelmEngine.Chart) -> String {
        chart.allCRDs().map { "---\n" + $0.file.text + "\n" }.joined()
    }

    /// Chart, values, README and CRDs, separated by `---` lines.
    static func all(_ chart: HelmEngine.Chart) throws -> String {
        var out = try self.chart(chart)
        let values = self.values(chart)
        if !values.isEmpty { out += "---\n" + values + "\n" }
        let readme = self.readme(chart)
        if !readme.isEmpty { out += "---\n" + readme + "\n" }
        out += crds(chart)
        return out
    }
}
