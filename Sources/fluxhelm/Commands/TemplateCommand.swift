import ArgumentParser
import Foundation
import HelmEngine

/// `fluxhelm template`: renders a chart locally and prints the manifests, as `helm template` does.
struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Render chart templates locally and print the manifests, as `helm template` does."
    )

    @Argument(help: "The release name, then the chart (a directory, a .tgz, or a name with --repo); with one argument, the chart.")
    var arguments: [String]

    @Option(name: .customLong("name"), help: ArgumentHelp("The release name (Helm 2's form of NAME).", visibility: .hidden))
    var nameOption: String?

    @OptionGroup var valuesFlags: ValuesFlags

    @OptionGroup var source: ChartSourceFlags

    @Option(name: [.short, .long], help: "The namespace of the release.")
    var namespace: String = "default"

    @Option(name: .customLong("kube-version"), help: "Kubernetes version used for Capabilities.KubeVersion.")
    var kubeVersion: String?

    @Option(name: [.short, .customLong("api-versions")], help: "Kubernetes api versions used for Capabilities.APIVersions (can repeat).")
    var apiVersions: [String] = []

    @Option(name: [.short, .customLong("show-only")], help: "Only show manifests rendered from the given templates.")
    var showOnly: [String] = []

    @Flag(name: .customLong("include-crds"), help: "Include CRDs in the templated output.")
    var includeCRDs = false

    @Flag(name: .customLong("skip-tests"), help: "Skip tests from templated output.")
    var skipTests = false

    @Flag(name: .customLong("no-hooks"), help: "Prevent hooks from being rendered.")
    var noHooks = false

    @Flag(name: .customLong("is-upgrade"), help: "Set .Release.IsUpgrade instead of .Release.IsInstall.")
    var isUpgrade = false

    @Flag(name: .customLong("skip-schema-validation"), help: "Disable JSON schema validation.")
    var skipSchemaValidation = false

    mutating func validate() throws {
        guard (1...2).contains(arguments.count), nameOption == nil || arguments.count == 1 else {
            throw ValidationError("expected NAME CHART or CHART, got \(arguments.count) arguments")
        }
    }

    func run() async throws {
        let releaseName = arguments.count == 2 ? arguments[0] : (nameOption ?? "release-name")
        let chartPath = arguments[arguments.count - 1]
        var capabilities = Capabilities.default
        if let kubeVersion {
            guard let parsed = KubeVersion(parsing: kubeVersion) else {
                // Helm's words (k8s.io/apimachinery's version parser behind common.ParseKubeVersion).
                let numbers = kubeVersion.drop { $0 == "v" }
                let reason =
                    numbers.first?.isNumber == true && !numbers.contains(".")
                    ? "illegal version string \"\(kubeVersion)\"" : "could not parse \"\(kubeVersion)\" as version"
                throw CLIError("invalid kube version '\(kubeVersion)': \(reason)")
            }
            capabilities.kubeVersion = parsed
        }
        // A string-slice flag in Helm: each use may hold a comma-separated list.
        capabilities = capabilities.addingAPIVersions(
            apiVersions.flatMap { $0.split(separator: ",").map(String.init) })

        // Helm's LocateChart: a missing path that is clearly a path (absolute or starting with `.`) is named as such.
        if source.repository == nil, chartPath.hasPrefix(".") || chartPath.hasPrefix("/"),
            !FileManager.default.fileExists(atPath: chartPath)
        {
            throw CLIError("path \"\(chartPath)\" not found")
        }
        let chart = try await source.load(chartPath)
        try ChartDependencies.checkPresent(chart)
        let userValues = try valuesFlags.options.merge()
        let prepared = try ReleaseValues.prepare(
            chart: chart, values: userValues, skipSchemaValidation: skipSchemaValidation)
        let release = ReleaseOptions(
            name: releaseName, namespace: namespace, isInstall: !isUpgrade, isUpgrade: isUpgrade)
        let rendered = try ChartRenderer(capabilities: capabilities).render(prepared, release: release)
        let output = rendered.templateOutput(includeCRDs: includeCRDs, noHooks: noHooks, skipTests: skipTests)
        if showOnly.isEmpty {
            FileHandle.standardOutput.write(Data(output.utf8))
        } else {
            FileHandle.standardOutput.write(Data(try TemplateOutputFilter.showOnly(showOnly, in: output).utf8))
        }
    }
}
