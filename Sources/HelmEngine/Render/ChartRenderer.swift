import Foundation
public import GoTemplate

/// Renders a chart into Kubernetes manifests exactly as Helm's engine does.
///
/// ```swift
/// let prepared = try ReleaseValues.prepare(chart: chart, values: userValues)
/// let renderer = ChartRenderer()
/// let release = try renderer.render(prepared, release: ReleaseOptions(name: "web", namespace: "prod"))
/// print(release.templateOutput())
/// ```
public struct ChartRenderer: Sendable {
    /// What the target cluster supports; default Helm 4.2's offline defaults.
    public var capabilities: Capabilities
    /// Where `lookup` reads live objects; `nil` renders offline, where `lookup` returns `{}`.
    public var clusterReader: (any ClusterReader)?
    /// Limits on each template's execution (output size, depth, steps); Helm's `missingkey=zero` always.
    public var limits: ExecuteOptions

    /// Creates a renderer.
    public init(
        capabilities: Capabilities = .default, clusterReader: (any ClusterReader)? = nil,
        limits: ExecuteOptions = ExecuteOptions()
    ) {
        self.capabilities = capabilities
        self.clusterReader = clusterReader
        var limits = limits
        limits.missingKey = .zero
        self.limits = limits
    }

    /// Helm's template functions (Sprig's, then Helm's own) with this renderer's cluster reader.
    public var functions: [String: TemplateFunction] {
        HelmFunctions.functions(sprig: Sprig.functions, clusterReader: clusterReader)
    }

    /// Parses the templates of a prepared chart, for rendering once or many times.
    public func parse(_ chart: Chart) throws -> ChartTemplates {
        try ChartTemplates(chart: chart, functions: functions)
    }

    /// Renders a prepared chart for `release` and sorts the result as `helm template` and `helm install` do.
    /// - Throws: ``RenderError`` for a chart whose `kubeVersion` excludes the target, a template that fails
    ///   (Helm's message), or a rendered document that is not valid YAML.
    public func render(_ prepared: ReleaseValues.Prepared, release: ReleaseOptions) throws -> RenderedRelease {
        try checkKubeVersion(prepared.chart)
        let templates = try parse(prepared.chart)
        return try render(templates, chart: prepared.chart, values: prepared.values, release: release)
    }

    /// Renders already-parsed templates with `values`.
    public func render(
        _ templates: ChartTemplates, chart: Chart, values: [String: Value], release: ReleaseOptions
    ) throws -> RenderedRelease {
        var files = try renderGoStrings(templates, values: values, release: release)
        // NOTES.txt of the top-level chart is the release notes; subcharts' notes are dropped (subNotes off).
        let rootNotes = chart.name + "/templates/NOTES.txt"
        let notes = GoBytes.replacingStandIns(files[rootNotes] ?? "")
        for name in files.keys where name.hasSuffix("NOTES.txt") { files[name] = nil }
        // Sorting parses every document as Helm does, so it fails on bytes that are not UTF-8 before they leave.
        let sorted = try ManifestSorter.sort(files: files)
        files = files.mapValues(GoBytes.replacingStandIns)
        return RenderedRelease(
            manifests: sorted.manifests, hooks: sorted.hooks, notes: notes, crds: chart.allCRDs(), files: files)
    }

    /// Executes every non-partial template and returns its output by template path, with `<no value>` removed,
    /// as Helm's `engine.Render` returns it. A byte that is not UTF-8 (Go strings are bytes) comes out as U+FFFD,
    /// as Go's `encoding/json` writes it into Helm's release records and SDK results.
    public func renderFiles(
        _ templates: ChartTemplates, values: [String: Value], release: ReleaseOptions
    ) throws -> [String: String] {
        try renderGoStrings(templates, values: values, release: release).mapValues(GoBytes.replacingStandIns)
    }

    /// ``renderFiles(_:values:release:)`` with each output still a Go string: bytes that are not UTF-8 are
    /// ``GoBytes`` stand-ins, so the manifest parser can refuse them as go-yaml does.
    func renderGoStrings(
        _ templates: ChartTemplates, values: [String: Value], release: ReleaseOptions
    ) throws -> [String: String] {
        let scopeData = Self.scopeData(templates.scopes, values: values, release: release, capabilities: capabilities)
        // One map per chart for all its templates, as Helm's: a template's `set .Values ...` is seen by later ones.
        let shared = scopeData.map { SharedData($0, kind: .named("common.Values")) }
        var rendered: [String: String] = [:]
        rendered.reserveCapacity(templates.entries.count)
        for entry in templates.entries where !entry.isPartial {
            let scope = templates.scopes[entry.scope]
            let data = shared[entry.scope]
            let template: [String: Value] = [
                "Name": .string(entry.name), "BasePath": .string(scope.fullPath + "/templates"),
            ]
            data.setValue(.map(template, .named("common.Values")), forKey: "Template")
            do {
                let output = try templates.set.execute(name: entry.name, data: data, options: limits)
                rendered[entry.name] = output.replacingOccurrences(of: "<no value>", with: "")
            } catch {
                throw RenderError(
                    code: .template, message: Self.helmMessage(for: error, file: entry.name), path: entry.name,
                    cause: error)
            }
        }
        return rendered
    }

    /// Fails as Helm does when the chart's `kubeVersion` constraint excludes the target version.
    public func checkKubeVersion(_ chart: Chart) throws {
        let constraint = chart.metadata.kubeVersion
        guard !constraint.isEmpty else { return }
        let target = capabilities.kubeVersion
        if !ChartDependencies.isCompatible(constraint: constraint, version: target.normalizedVersion) {
            throw RenderError(
                code: .kubeVersion,
                message:
                    "chart requires kubeVersion: \(constraint) which is incompatible with Kubernetes \(target.version)"
            )
        }
    }

    // MARK: - Template data

    /// The data each chart's templates see, without `.Template`: Helm's `recAllTpls` maps.
    static func scopeData(
        _ scopes: [ChartTemplates.Scope], values: [String: Value], release: ReleaseOptions, capabilities: Capabilities
    ) -> [[String: Value]] {
        let releaseValue = release.templateValue
        let capabilitiesValue = capabilities.templateValue
        var data: [[String: Value]] = Array(repeating: [:], count: scopes.count)
        // Children come after their parent in `scopes`, so fill bottom-up for `.Subcharts`.
        for index in scopes.indices.reversed() {
            let scope = scopes[index]
            var subcharts: [String: Value] = [:]
            for child in scope.children { subcharts[child.name] = .map(data[child.scope], .named("common.Values")) }
            data[index] = [
                "Chart": scope.chartValue,
                "Files": scope.filesValue,
                "Release": releaseValue,
                "Capabilities": capabilitiesValue,
                "Values": .map(table(values, path: scope.valuesPath), .named("common.Values")),
                "Subcharts": .map(subcharts),
            ]
        }
        return data
    }

    /// A subchart's values: the map at its name inside its parent's values, or empty (`Values.Table`).
    static func table(_ values: [String: Value], path: [String]) -> [String: Value] {
        var current = values
        for name in path {
            guard case .map(let next, _)? = current[name] else { return [:] }
            current = next
        }
        return current
    }

    /// Helm's wording for a template error, from Go's error chain.
    static func helmMessage(for error: any Error, file: String) -> String {
        guard let templateError = error as? TemplateError, templateError.code == .execute else {
            return String(describing: error)
        }
        var chain: [String] = []
        var current: (any Error)? = templateError
        // Helm reports every link; nesting is bounded (1,000 includes of one name, ExecuteOptions.maxDepth).
        while let link = current, chain.count < 250_000 {
            switch link {
            case let inner as TemplateError:
                chain.append(inner.message)
                current = inner.cause
            case let inner as TemplateFunctionError:
                chain.append(inner.message)
                current = nil
            default:
                chain.append(String(describing: link))
                current = nil
            }
        }
        return TemplateErrorFormatter.executionError(file: file, chain: chain)
    }
}
