import HelmRelease

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
