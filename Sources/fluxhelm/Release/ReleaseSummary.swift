import GoTemplate
import HelmRelease

/// The short forms of a release Helm's `list`, `history` and `get metadata` print.
extension Release {
    /// `NAME-VERSION` of the chart, or `MISSING` when the record has no chart (Helm's `formatChartName`).
    var chartDisplayName: String {
        guard let metadata = chart?.metadata else { return "MISSING" }
        return "\(metadata.name)-\(metadata.version)"
    }

    /// The chart's appVersion, or `MISSING` (Helm's `formatAppVersion`).
    var appVersionDisplay: String {
        guard let metadata = chart?.metadata else { return "MISSING" }
        return metadata.appVersion
    }

    /// When this revision was deployed (Go's zero time when the record has no info).
    var lastDeployed: GoTime { info?.lastDeployed ?? .zero }

    /// The user-supplied values as Go sees them after decoding the record (`nil` map when there are none).
    var configValue: Value {
        guard let config, !config.isEmpty else { return .null }
        return LosslessJSON.object(config).goValue
    }
}

/// Reads release records for the read-only commands, with Helm's messages.
enum ReleaseLookup {
    /// Helm's `releaseContent`: the given revision, or the latest when `revision` is 0.
    static func content(_ cluster: ReleaseCluster, name: String, revision: Int) async throws -> Release {
        guard ReleaseName.isValid(name) else { throw CLIError("releaseContent: Release name is invalid: \(name)") }
        if revision > 0 {
            do {
                return try await cluster.storage.get(name: name, version: revision, namespace: cluster.namespace)
            } catch let error as ReleaseError where error.code == .notFound {
                throw notFound(name, cluster.namespace, revision: revision)
            }
        }
        guard let last = try await cluster.storage.history(name: name, namespace: cluster.namespace).last else {
            throw notFound(name, cluster.namespace)
        }
        return last
    }

    /// Every revision, oldest first. - Throws: Helm's `release: not found` when there is none.
    static func history(_ cluster: ReleaseCluster, name: String) async throws -> [Release] {
        guard ReleaseName.isValid(name) else { throw CLIError("release name is invalid: \(name)") }
        let history = try await cluster.storage.history(name: name, namespace: cluster.namespace)
        guard !history.isEmpty else { throw notFound(name, cluster.namespace) }
        return history
    }

    /// Helm's `release: not found`, naming the release (and revision) and namespace.
    static func notFound(_ name: String, _ namespace: String, revision: Int? = nil) -> CLIError {
        let what = revision.map { "release \"\(name)\" revision \($0)" } ?? "release \"\(name)\""
        return CLIError("release: not found: \(what) in namespace \"\(namespace)\"")
    }
}
