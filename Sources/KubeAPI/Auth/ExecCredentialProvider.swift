import Foundation

/// Caches an exec plugin's credential and decides when to run the plugin again: when there is none yet, when it
/// has expired on the injected clock, or when the server rejected it with 401.
///
/// One run at a time: callers that arrive while the plugin runs wait for that run instead of starting their own,
/// so a burst of requests costs one plugin run.
actor ExecCredentialProvider {
    /// A credential and the run that produced it, so a 401 invalidates only the credential that was rejected.
    struct Issued: Sendable {
        var credential: ExecCredential
        var generation: Int
    }

    private let plugin: ExecCredentialPlugin
    private let cluster: ExecClusterInfo?
    private let run: @Sendable (ExecCredentialPlugin, ExecClusterInfo?) async throws(KubeAPIError) -> ExecCredential
    private let now: @Sendable () -> Date
    private var current: Issued?
    private var generation = 0
    private var waiters: [CheckedContinuation<Issued, any Error>]?

    /// Creates a provider.
    ///
    /// - Parameters:
    ///   - plugin: the kubeconfig entry.
    ///   - cluster: the cluster settings passed when the plugin asks for them.
    ///   - now: the wall-clock time, derived from the client's injected clock.
    ///   - run: runs the plugin once; ``ExecPluginRunner/run(_:cluster:)`` in production.
    init(
        plugin: ExecCredentialPlugin, cluster: ExecClusterInfo?, now: @escaping @Sendable () -> Date,
        run: @escaping @Sendable (ExecCredentialPlugin, ExecClusterInfo?) async throws(KubeAPIError) -> ExecCredential
    ) {
        self.plugin = plugin
        self.cluster = cluster
        self.now = now
        self.run = run
    }

    /// The cached credential while it is valid, else a fresh one from the plugin.
    ///
    /// - Throws: the plugin's ``KubeAPIError``.
    func credential() async throws -> Issued {
        if let current, !current.credential.isExpired(at: now()) { return current }
        if waiters != nil {
            return try await withCheckedThrowingContinuation { waiters?.append($0) }
        }
        waiters = []
        let result: Result<Issued, KubeAPIError>
        do {
            let credential = try await run(plugin, cluster)
            generation += 1
            let issued = Issued(credential: credential, generation: generation)
            current = issued
            result = .success(issued)
        } catch {
            result = .failure(error)
        }
        let waiting = waiters ?? []
        waiters = nil
        for waiter in waiting { waiter.resume(with: result.mapError { $0 as any Error }) }
        return try result.get()
    }

    /// Forgets the credential of `generation` after the server rejected it, so the next call runs the plugin.
    /// A newer credential (another request already refreshed) is kept.
    func invalidate(generation rejected: Int) {
        if current?.generation == rejected { current = nil }
    }
}
