import ArgumentParser
import Foundation
import HelmEngine
import HelmRelease

/// `fluxhelm install`: installs a chart as a new release, as `helm install` does.
struct InstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "install", abstract: "Install a chart.")

    @Argument(help: "NAME CHART (a directory, a .tgz, or a name with --repo); with --generate-name, only CHART.")
    var arguments: [String]

    @OptionGroup var cluster: ClusterFlags
    @OptionGroup var history: HistoryMaxFlag
    @OptionGroup var valuesFlags: ValuesFlags
    @OptionGroup var source: ChartSourceFlags
    @OptionGroup var waitFlags: WaitFlags
    @OptionGroup var labelsFlag: LabelsFlag
    @OptionGroup var output: OutputFlag
    @OptionGroup var chartFlags: ChartReleaseFlags

    @Flag(name: [.customShort("g"), .customLong("generate-name")],
        help: "Generate the name (and omit the NAME parameter).")
    var generateName = false
    @Flag(name: .customLong("create-namespace"), help: "Create the release namespace if not present.")
    var createNamespace = false
    @Flag(name: [.customLong("rollback-on-failure"), .customLong("atomic")],
        help: "Uninstall the release if the installation fails.")
    var atomic = false
    @Flag(name: .customLong("no-hooks"), help: "Prevent hooks from running during install.")
    var noHooks = false
    @Flag(name: .customLong("skip-crds"), help: "Don't install the chart's CRDs.")
    var skipCRDs = false
    @Flag(name: .customLong("replace"),
        help: "Reuse the name of a release that is uninstalled or failed (unsafe in production).")
    var replace = false
    @Flag(name: .customLong("force-conflicts"), help: "Server-side apply forces changes against conflicts.")
    var forceConflicts = false
    @Flag(name: .customLong("dry-run"), help: "Simulate an install: render and validate, write nothing.")
    var dryRun = false

    mutating func validate() throws {
        let expected = generateName ? 1 : 2
        guard arguments.count == expected else {
            throw ValidationError(
                generateName ? "expected CHART with --generate-name, got \(arguments.count) arguments"
                    : "expected NAME CHART (or --generate-name CHART), got \(arguments.count) arguments")
        }
    }

    func run() async throws {
        do {
            let chart = try await ReleaseChartLoader.load(arguments[arguments.count - 1], source: source)
            let name = generateName ? Self.generatedName(chartArgument: arguments[0]) : arguments[0]
            var options = InstallOptions(
                name: name, namespace: "", chart: chart, values: try valuesFlags.options.merge())
            options.createNamespace = createNamespace
            options.wait = waitFlags.wait || atomic
            options.waitForJobs = waitFlags.waitForJobs
            options.timeout = waitFlags.timeout.duration
            options.atomic = atomic
            options.noHooks = noHooks
            options.skipCRDs = skipCRDs
            options.replace = replace
            options.takeOwnership = chartFlags.takeOwnership
            options.forceConflicts = forceConflicts
            options.description = chartFlags.description
            options.labels = try labelsFlag.parsed()
            options.dryRun = dryRun
            options.skipSchemaValidation = chartFlags.skipSchemaValidation
            let release = try await cluster.withActions(maxHistory: history.maxHistory) { actions, namespace in
                options.namespace = namespace
                return try await actions.install(options)
            }
            writeOutput(try StatusPrinter(release: release, hideNotes: chartFlags.hideNotes).write(output.format))
        } catch {
            throw CLIError.wrap(error, prefix: "INSTALLATION FAILED: ")
        }
    }
}

extension InstallCommand {
    /// Helm's `--generate-name`: the chart argument's last path element up to its first dot (`chart` when there
    /// is none), a dash and the Unix time.
    static func generatedName(chartArgument: String, now: Date = Date()) -> String {
        var base = chartArgument.split(separator: "/").last.map(String.init) ?? ""
        if base == "." || base.isEmpty { base = "chart" }
        if let dot = base.firstIndex(of: ".") { base = String(base[..<dot]) }
        return "\(base)-\(Int(now.timeIntervalSince1970))"
    }
}

/// Loads the chart a release command names, as `template` does, and refuses what Helm refuses to install.
enum ReleaseChartLoader {
    static func load(_ reference: String, source: ChartSourceFlags) async throws -> HelmEngine.Chart {
        let chart = try await source.load(reference)
        switch chart.metadata.type {
        case "", "application": break
        default: throw CLIError("\(chart.metadata.type) charts are not installable")
        }
        try ChartDependencies.checkPresent(chart)
        return chart
    }
}
