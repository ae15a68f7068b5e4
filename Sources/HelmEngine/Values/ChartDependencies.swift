public import GoTemplate
import SemVer

/// Helm's `ProcessDependencies`: applies aliases, disables subcharts by `condition` and `tags`,
/// removes disabled ones, then imports values (`import-values`, `exports`) into parents.
///
/// Run it on a freshly loaded chart with the user-supplied values, before
/// ``ReleaseValues/make(chart:values:options:)`` coalesces and validates them.
public enum ChartDependencies {
    /// Processes `chart`'s dependency tree in place.
    ///
    /// - Parameters:
    ///   - chart: the root chart; its subcharts are renamed, removed and their values imported.
    ///   - values: the user-supplied values.
    ///   - warnings: receives Helm's warnings (non-bool conditions, missing import tables).
    /// - Throws: ``ChartError`` when values have the wrong shape for a subchart.
    public static func process(
        _ chart: inout Chart, values: [String: Value], warnings: inout [String]
    ) throws {
        try processEnabled(&chart, values, path: "", warnings: &warnings)
        try processImports(&chart, warnings: &warnings)
    }

    /// Whether a loaded chart version satisfies a dependency's constraint (Helm's
    /// `IsCompatibleRange`, Masterminds semver rules).
    public static func isCompatible(constraint: String, version: String) -> Bool {
        guard let parsed = try? Version(version), let constraints = try? Constraints(constraint) else { return false }
        return constraints.check(parsed)
    }

    /// Fails like `helm template` (Helm's `action.CheckDependencies`) when a dependency declared in
    /// Chart.yaml has no loaded subchart of that name.
    ///
    /// - Throws: ``ChartError`` `dependency` listing the missing names.
    public static func checkPresent(_ chart: Chart) throws {
        let loaded = Set(chart.dependencies.map(\.name))
        let missing = chart.metadata.dependencies.map(\.name).filter { !loaded.contains($0) }
        guard !missing.isEmpty else { return }
        throw ChartError(
            code: .dependency,
            message: "An error occurred while checking for chart dependencies. You may need to run `helm dependency "
                + "build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: "
                + missing.joined(separator: ", "))
    }

    // MARK: Enabled

    private static func processEnabled(
        _ chart: inout Chart, _ values: [String: Value], path: String, warnings: inout [String]
    ) throws {
        if chart.metadata.dependencies.isEmpty { return }
        var requirements = chart.metadata.dependencies
        var kept: [Chart] = []
        for existing in chart.dependencies
        where !requirements.contains(where: {
            existing.name == $0.name && isCompatible(constraint: $0.version, version: existing.metadata.version)
        }) {
            kept.append(existing)
        }
        for index in requirements.indices {
            let requirement = requirements[index]
            if let match = chart.dependencies.first(where: {
                $0.name == requirement.name
                    && isCompatible(constraint: requirement.version, version: $0.metadata.version)
            }) {
                var copy = match
                if !requirement.alias.isEmpty { copy.metadata.name = requirement.alias }
                kept.append(copy)
            }
            if !requirement.alias.isEmpty { requirements[index].name = requirement.alias }
        }
        chart.dependencies = kept
        for index in requirements.indices { requirements[index].enabled = true }
        chart.metadata.dependencies = requirements

        let coalesced = try Values.coalesce(chart: chart, values: values, warnings: &warnings)
        applyTags(&requirements, coalesced, warnings: &warnings)
        applyConditions(&requirements, coalesced, path: path, warnings: &warnings)
        let removed = Set(requirements.filter { !$0.enabled }.map(\.name))
        var enabledCharts = chart.dependencies.filter { !removed.contains($0.name) }
        for index in enabledCharts.indices {
            let subpath = path + enabledCharts[index].name + "."
            try processEnabled(&enabledCharts[index], coalesced, path: subpath, warnings: &warnings)
        }
        chart.metadata.dependencies = requirements.filter { !removed.contains($0.name) }
        chart.dependencies = enabledCharts
    }

    private static func applyTags(
        _ requirements: inout [ChartDependency], _ values: [String: Value], warnings: inout [String]
    ) {
        guard case .map(let tags, _)? = values["tags"] else { return }
        for index in requirements.indices {
            var hasTrue = false
            var hasFalse = false
            for tag in requirements[index].tags {
                guard let value = tags[tag] else { continue }
                if case .bool(let flag) = value {
                    if flag { hasTrue = true } else { hasFalse = true }
                } else {
                    warnings.append("returned non-bool value: tag=\(tag) chart=\(requirements[index].name)")
                }
            }
            if !hasTrue && hasFalse {
                requirements[index].enabled = false
            } else if hasTrue || (!hasTrue && !hasFalse) {
                requirements[index].enabled = true
            }
        }
    }

    private static func applyConditions(
        _ requirements: inout [ChartDependency], _ values: [String: Value], path: String, warnings: inout [String]
    ) {
        for index in requirements.indices {
            for condition in requirements[index].condition.trimmingGoSpace().split(
                separator: ",", omittingEmptySubsequences: false)
            where !condition.isEmpty {
                guard let value = pathValue(values, path + condition) else { continue }
                if case .bool(let flag) = value {
                    requirements[index].enabled = flag
                    break
                }
                warnings.append("returned non-bool value: path=\(condition) chart=\(requirements[index].name)")
            }
        }
    }

    /// Helm's `Values.PathValue`: the non-table value at a dotted path, or `nil`.
    static func pathValue(_ values: [String: Value], _ path: String) -> Value? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last else { return nil }
        guard let table = self.table(values, parts.dropLast().joined(separator: "."), allowEmpty: parts.count == 1)
        else { return nil }
        guard let value = table[last] else { return nil }
        if case .map = value { return nil }
        return value
    }

    /// Helm's `Values.Table`: the map at a dotted path, or `nil`.
    static func table(_ values: [String: Value], _ path: String, allowEmpty: Bool = false) -> [String: Value]? {
        if allowEmpty && path.isEmpty { return values }
        var current = values
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .map(let next, _)? = current[String(part)] else { return nil }
            current = next
        }
        return current
    }

    // MARK: Imports

    private static func processImports(_ chart: inout Chart, warnings: inout [String]) throws {
        for index in chart.dependencies.indices {
            try processImports(&chart.dependencies[index], warnings: &warnings)
        }
        if chart.metadata.dependencies.isEmpty { return }
        let merged = try Values.merge(chart: chart, values: [:], warnings: &warnings)
        var imported: [String: Value] = [:]
        for index in chart.metadata.dependencies.indices {
            let requirement = chart.metadata.dependencies[index]
            var normalized: [ChartDependency.ImportValue] = []
            for entry in requirement.importValues {
                switch entry {
                case .mapping(let child, let parent):
                    normalized.append(.mapping(child: child, parent: parent))
                    guard let table = table(merged, requirement.name + "." + child) else {
                        warnings.append("ImportValues missing table from chart \(requirement.name): \(child)")
                        continue
                    }
                    imported = Values.mergeTables(imported, pathToMap(parent, table))
                case .exported(let name):
                    let child = "exports." + name
                    normalized.append(.mapping(child: child, parent: "."))
                    guard let table = table(merged, requirement.name + "." + child) else {
                        warnings.append("ImportValues missing table: \(requirement.name).\(child)")
                        continue
                    }
                    imported = Values.mergeTables(imported, table)
                case .ignored:
                    continue
                }
            }
            chart.metadata.dependencies[index].importValues = normalized
        }
        chart.values = Values.mergeTables(merged, imported)
    }

    private static func pathToMap(_ path: String, _ data: [String: Value]) -> [String: Value] {
        if path == "." { return data }
        var current = data
        for part in path.split(separator: ".", omittingEmptySubsequences: false).reversed() {
            current = [String(part): .map(current)]
        }
        return current
    }
}

extension Chart {
    /// Checks the chart's `kubeVersion` constraint against the target cluster version, as Helm's
    /// `renderResources` does before rendering (only the root chart's constraint is checked).
    ///
    /// - Parameter kubeVersion: the target version, such as `v1.36.0` (`.Capabilities.KubeVersion`).
    /// - Throws: ``ChartError`` `invalidChart` with Helm's message when the version is outside it.
    public func checkKubeVersion(_ kubeVersion: String) throws {
        guard !metadata.kubeVersion.isEmpty else { return }
        if !ChartDependencies.isCompatible(constraint: metadata.kubeVersion, version: kubeVersion) {
            throw ChartError(
                code: .invalidChart,
                message: "chart requires kubeVersion: \(metadata.kubeVersion) which is incompatible with Kubernetes "
                    + kubeVersion)
        }
    }
}
