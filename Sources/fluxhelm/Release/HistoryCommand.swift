import ArgumentParser
import GoTemplate
import HelmEngine
import HelmRelease

/// `fluxhelm history`: the revisions of a release, as `helm history` prints them.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Fetch release history.", aliases: ["hist"])

    @Argument(help: "The release name.")
    var name: String

    @OptionGroup var cluster: ClusterFlags
    @OptionGroup var output: OutputFlag

    @Option(name: .customLong("max"), help: "Maximum number of revisions to include in history.")
    var max = 256

    func run() async throws {
        do {
            let history = try await cluster.withCluster { cluster in
                try await ReleaseLookup.history(cluster, name: name)
            }
            writeOutput(try Self.render(history, max: max, format: output.format))
        } catch {
            throw CLIError.wrap(error)
        }
    }

    /// The newest `max` revisions, oldest first, in `format`.
    static func render(_ history: [Release], max: Int, format: OutputFormat) throws -> String {
        let newestFirst = history.sorted { $0.version > $1.version }
        let shown = Array(newestFirst.prefix(Swift.max(0, max)).reversed())
        switch format {
        case .table:
            var table = UITable()
            table.addRow("REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION")
            for release in shown {
                table.addRow(
                    String(release.version), GoTimeLayout.ansic.format(release.lastDeployed), release.status.rawValue,
                    release.chartDisplayName, release.appVersionDisplay, release.info?.description ?? "")
            }
            return table.text
        case .json, .yaml:
            let items = StructuredOutput.array(
                shown.map { release in
                    var fields: [(String, StructuredOutput)] = [("revision", .value(.int(release.version)))]
                    if !release.lastDeployed.isZero {
                        fields.append(("updated", .value(.string(release.lastDeployed.rfc3339Nano))))
                    }
                    fields += [
                        ("status", .value(.string(release.status.rawValue))),
                        ("chart", .value(.string(release.chartDisplayName))),
                        ("app_version", .value(.string(release.appVersionDisplay))),
                        ("description", .value(.string(release.info?.description ?? ""))),
                    ]
                    return .object(fields)
                })
            return format == .json ? try items.json() : try items.yaml()
        }
    }
}
