import HelmRelease
import KubeAPI

extension ClusterFlags {
    /// Connects to the cluster, builds the actions' configuration (storage, lease lock, renderer with the
    /// cluster's capabilities), runs `body` with it and the request's namespace, and closes the connection.
    func withActions<Result>(
        maxHistory: Int, _ body: (ActionConfiguration, String) async throws -> Result
    ) async throws -> Result {
        let config = try kubeConfig()
        let client: KubeClient
        do {
            client = try KubeClient(config: config)
        } catch {
            throw CLIError.wrap(error)
        }
        let result: Result
        do {
            _ = try Self.driver(named: storageDriver, client: client)  // Helm's message for an unknown driver
            let namespace = namespace(for: config)
            let actions = try await ActionConfiguration.kubernetes(
                client: client, storageDriver: storageDriver, namespace: namespace, maxHistory: maxHistory)
            result = try await body(actions, namespace)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
        return result
    }
}
