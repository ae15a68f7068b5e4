import ArgumentParser
import GoTemplate
import HelmEngine
import HelmRelease

/// `fluxhelm upgrade`: upgrades a release to a chart (installing it first with `--install`), as `helm upgrade`.
struct UpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "upgrade", abstract: "Upgrade a release.")

    @Argument(help: "The release name.")
    var name: String
    @Argument(help: "The chart: a directory, a .tgz, or a name with --repo.")
    var chart: String

    @OptionGroup var cluster: ClusterFlags
    @OptionGroup var history: HistoryMaxFlag
    @OptionGroup var forceFlags: ForceFlags
    @OptionGroup var valuesFlags: ValuesFlags
    @OptionGroup var source: ChartSourceFlags
    @OptionGroup var waitFlags: WaitFlags
    @OptionGroup var labelsFlag: LabelsFlag
    @OptionGroup var output: OutputFlag
    @OptionGroup var chartFlags: ChartReleaseFlags

    @Flag(name: [.customShort("i"), .customLong("install")],
        help: "If a release by this name doesn't already exist, run an install.")
    var install = false
    @Flag(name: .customLong("create-namespace"), help: "With --install, create the release namespace if not present.")
    var createNamespace = false
    @Flag(name: [.customLong("rollback-on-failure"), .customLong("atomic")],
        help: "Roll back to the previous release if the upgrade fails.")
    var atomic = false
    @Flag(name: .customLong("no-hooks"), help: "Disable pre/post upgrade hooks.")
    var noHooks = false
    @Flag(name: .customLong("skip-crds"), help: "With --install, don't install the chart's CRDs.")
    var skipCRDs = false
    @Flag(name: .customLong("reuse-values"), help: "Reuse the last release's values and merge in any overrides.")
    var reuseValues = false
    @Flag(name: .customLong("reset-values"), help: "Reset the values to the ones built into the chart.")
    var resetValues = false
    @Flag(name: .customLong("reset-then-reuse-values"),
        help: "Reset to the chart's values, then apply the last release's values and any overrides.")
    var resetThenReuseValues = false
    @Flag(name: .customLong("cleanup-on-fail"), help: "Delete new resources created in this upgrade when it fails.")
    var cleanupOnFail = false
    @Flag(name: .customLong("dry-run"), help: "Simulate an upgrade: render and validate, write nothing.")
    var dryRun = false

    func run() async throws {
        try forceFlags.check()
        do {
            try await upgrade()
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.wrap(error)  // reading the history or the cluster failed, before any change
        }
    }

    private func upgrade() async throws {
        let (release, installed) = try await cluster.withActions(maxHistory: history.maxHistory) { actions, namespace in
            let chart: HelmEngine.Chart
            let values: [String: GoTemplate.Value]
            do {
                chart = try await ReleaseChartLoader.load(self.chart, source: source)
                values = try valuesFlags.options.merge()
            } catch {
                throw CLIError.wrap(error)
            }
            if install {
                let history = try await actions.storage.history(name: name, namespace: namespace)
                if history.isEmpty || history.last?.status == .uninstalled {
                    if output.format == .table {
                        writeOutput("Release \"\(name)\" does not exist. Installing it now.\n")
                    }
                    var options = InstallOptions(name: name, namespace: namespace, chart: chart, values: values)
                    options.createNamespace = createNamespace
                    options.wait = waitFlags.wait || atomic
                    options.waitForJobs = waitFlags.waitForJobs
                    options.timeout = waitFlags.timeout.duration
                    options.atomic = atomic
                    options.noHooks = noHooks
                    options.skipCRDs = skipCRDs
                    options.replace = !history.isEmpty
                    options.takeOwnership = chartFlags.takeOwnership
                    options.forceConflicts = forceFlags.forceConflicts
                    options.description = chartFlags.description
                    options.labels = try labelsFlag.parsed()
                    options.dryRun = dryRun
                    options.skipSchemaValidation = chartFlags.skipSchemaValidation
                    do {
                        return (try await actions.install(options), true)
                    } catch {
                        throw CLIError.wrap(error)
                    }
                }
            }
            var options = UpgradeOptions(name: name, namespace: namespace, chart: chart, values: values)
            options.install = install
            options.reuseValues = reuseValues
            options.resetValues = resetValues
            options.resetThenReuseValues = resetThenReuseValues
            options.force = forceFlags.force
            options.forceConflicts = forceFlags.forceConflicts
            options.wait = waitFlags.wait || atomic
            options.waitForJobs = waitFlags.waitForJobs
            options.timeout = waitFlags.timeout.duration
            options.atomic = atomic
            options.cleanupOnFail = cleanupOnFail
            options.noHooks = noHooks
            options.skipCRDs = skipCRDs
            options.description = chartFlags.description
            options.labels = try labelsFlag.parsed()
            options.dryRun = dryRun
            options.createNamespace = createNamespace
            options.takeOwnership = chartFlags.takeOwnership
            options.skipSchemaValidation = chartFlags.skipSchemaValidation
            do {
                return (try await actions.upgrade(options), false)
            } catch {
                throw CLIError.wrap(error, prefix: "UPGRADE FAILED: ")
            }
        }
        if !installed && output.format == .table {
            writeOutput("Release \"\(name)\" has been upgraded. Happy Helming!\n")
        }
        writeOutput(try StatusPrinter(release: release, hideNotes: chartFlags.hideNotes).write(output.format))
    }
}
