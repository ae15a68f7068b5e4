import GoTemplate
import HelmEngine
import HelmRelease

/// What `get metadata` prints (Helm's `action.Metadata`).
struct ReleaseMetadata {
    var release: Release

    init(_ release: Release) { self.release = release }

    func write(_ format: OutputFormat) throws -> String {
        let metadata = release.chart?.metadata ?? ChartMetadata()
        let deployedAt = GoTimeLayout.rfc3339.format(release.lastDeployed)
        switch format {
        case .table:
            var out = "NAME: \(release.name)\n"
            out += "CHART: \(metadata.name)\n"
            out += "VERSION: \(metadata.version)\n"
            out += "APP_VERSION: \(metadata.appVersion)\n"
            out += "ANNOTATIONS: \(Self.labelSet(metadata.annotations))\n"
            out += "LABELS: \(Self.labelSet(release.labels))\n"
            out += "DEPENDENCIES: \(metadata.dependencies.map(\.name).sorted().joined(separator: ","))\n"
            out += "NAMESPACE: \(release.namespace)\n"
            out += "REVISION: \(release.version)\n"
            out += "STATUS: \(release.status.rawValue)\n"
            out += "DEPLOYED_AT: \(deployedAt)\n"
            out += "APPLY_METHOD: \(Self.applyMethodText(release.applyMethod))\n"
            return out
        case .json, .yaml:
            var fields: [(String, StructuredOutput)] = [
                ("name", .value(.string(release.name))),
                ("chart", .value(.string(metadata.name))),
                ("version", .value(.string(metadata.version))),
                ("appVersion", .value(.string(metadata.appVersion))),
            ]
            if !metadata.annotations.isEmpty {
                fields.append(("annotations", .value(.map(metadata.annotations.mapValues { .string($0) }))))
            }
            if !release.labels.isEmpty {
                fields.append(("labels", .value(.map(release.labels.mapValues { .string($0) }))))
            }
            if !metadata.dependencies.isEmpty {
                fields.append(("dependencies", .array(metadata.dependencies.map(Self.dependency))))
            }
            fields += [
                ("namespace", .value(.string(release.namespace))),
                ("revision", .value(.int(release.version))),
                ("status", .value(.string(release.status.rawValue))),
                ("deployedAt", .value(.string(deployedAt))),
            ]
            if !release.applyMethod.isEmpty { fields.append(("applyMethod", .value(.string(release.applyMethod)))) }
            let object = StructuredOutput.object(fields)
            return format == .json ? try object.json() : try object.yaml()
        }
    }

    /// Kubernetes' `labels.Set.String()`: `key=value` pairs sorted by key, joined by commas.
    static func labelSet(_ labels: [String: String]) -> String {
        labels.keys.sorted().map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ",")
    }

    static func applyMethodText(_ method: String) -> String {
        switch method {
        case "": "client-side apply (defaulted)"
        case "csa": "client-side apply"
        case "ssa": "server-side apply"
        default: "unknown (\"\(method)\")"
        }
    }

    /// A chart dependency as Helm's `chart.Dependency` JSON.
    static func dependency(_ dependency: ChartDependency) -> StructuredOutput {
        var fields: [(String, StructuredOutput)] = [("name", .value(.string(dependency.name)))]
        if !dependency.version.isEmpty { fields.append(("version", .value(.string(dependency.version)))) }
        fields.append(("repository", .value(.string(dependency.repository))))
        if !dependency.condition.isEmpty { fields.append(("condition", .value(.string(dependency.condition)))) }
        if !dependency.tags.isEmpty {
            fields.append(("tags", .value(.list(dependency.tags.map { .string($0) }, .string))))
        }
        if dependency.enabled { fields.append(("enabled", .value(.bool(true)))) }
        if !dependency.importValues.isEmpty {
            fields.append(("import-values", .value(.list(dependency.importValues.map(\.recordJSON.goValue)))))
        }
        if !dependency.alias.isEmpty { fields.append(("alias", .value(.string(dependency.alias)))) }
        return .object(fields)
    }
}
