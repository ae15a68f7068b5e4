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
        func run() async throws { write(ChartInfo.values(try chart.load()) ?? "") }
    }

    struct Readme: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the chart's README.")
        @OptionGroup var chart: ChartArgument
        func run() async throws { write(ChartInfo.readme(try chart.load()) ?? "") }
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

/// The texts `helm show` prints (`action.Show.Run`).
enum ChartInfo {
    /// Chart.yaml re-encoded from the parsed metadata, then a blank line, as Helm prints it.
    static func chart(_ chart: HelmEngine.Chart) throws -> String {
        var yaml = try GoYAML.encode(chart.metadata.jsonValue)
        if !yaml.hasSuffix("\n") { yaml += "\n" }
        return yaml + "\n"
    }

    /// values.yaml exactly as written, plus a newline; nothing when the chart has no values.yaml.
    static func values(_ chart: HelmEngine.Chart) -> String? {
        chart.valuesText.map { $0 + "\n" }
    }

    /// The first file whose name is `readme.md`, `readme.txt` or `readme` in any case, plus a newline.
    static func readme(_ chart: HelmEngine.Chart) -> String? {
        let names: Set<String> = ["readme.md", "readme.txt", "readme"]
        return chart.files.first { names.contains($0.name.lowercased()) }.map { $0.text + "\n" }
    }

    /// Each CRD file, after a `---` line unless it starts with one.
    static func crds(_ chart: HelmEngine.Chart) -> String {
        chart.allCRDs().map { ($0.file.text.hasPrefix("---") ? "" : "---\n") + $0.file.text + "\n" }.joined()
    }

    /// Chart, values, README and CRDs, separated by `---` lines.
    static func all(_ chart: HelmEngine.Chart) throws -> String {
        var out = try self.chart(chart)
        if let values = values(chart) { out += "---\n" + values }
        if let readme = readme(chart) { out += "---\n" + readme }
        return out + crds(chart)
    }
}
