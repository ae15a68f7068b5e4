import HelmRelease
import KubeAPI

extension ClusterFlags {
    /// Connects to the cluster, builds the actions' configuration (storage, lease lock, renderer with the
    /// cluster's capabilities), runs `body` with it and the request's namespace, and closes the connection.
    func withActions<Result>(
        maxHistory: Int, _ body: (ActionConfiguration, String) async throws -> Result
    ) async throws -> Result {
        try await withClient { client, config in
            _ = try Self.driver(named: storageDriver, client: client)  // Helm's message for an unknown driver
            let namespace = namespace(for: config)
            let actions = try await ActionConfiguration.kubernetes(
                client: client, storageDriver: storageDriver, namespace: namespace, maxHistory: maxHistory)
            return try await body(actions, namespace)
        }
    }
}
