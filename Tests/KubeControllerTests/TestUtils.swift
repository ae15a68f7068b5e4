import KubeAPI
import KubeController
import KubeTestServer
import Logging
import ServiceLifecycle
import Testing

/// A logger that discards everything.
let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Runs `body` with a KubeTestServer, a client for it that does not retry (so faults reach the code under test)
/// and a fresh namespace `ns`.
func withTestServer<T: Sendable>(
    configuration: KubeTestServer.Configuration = .init(),
    retryPolicy: RetryPolicy = .never,
    _ body: @Sendable (KubeTestServer, KubeClient) async throws -> T
) async throws -> T {
    try await KubeTestServer.withServer(configuration: configuration) { server in
        let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
        return try await withKubeClient(
            config: config, configuration: KubeClient.Configuration(timeout: .seconds(20), retryPolicy: retryPolicy)
        ) { client in
            _ = try await client.create(KubeObject(.namespace, key: ObjectKey(name: "ns")))
            _ = try await client.create(KubeObject(.namespace, key: ObjectKey(name: "other")))
            // Warm discovery so fault injection below hits only the calls under test.
            _ = try await client.resourceMapping(for: .configMap)
            _ = try await client.resourceMapping(for: .secret)
            _ = try await client.resourceMapping(for: .event)
            return try await body(server, client)
        }
    }
}

/// Runs `services` in a ServiceGroup while `body` runs, then shuts them down gracefully and waits for them.
func withServices<T: Sendable>(
    _ services: [any Service], _ body: @Sendable () async throws -> T
) async throws -> T {
    let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            logger: quietLogger))
    return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
        tasks.addTask { try await group.run() }
        do {
            let result = try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            throw error
        }
    }
}

extension KubeObject {
    /// A ConfigMap with data and labels, for tests.
    static func configMap(
        _ namespace: String, _ name: String, data: [String: String] = [:], labels: [String: String] = [:]
    ) -> KubeObject {
        var object = KubeObject(.configMap, key: ObjectKey(namespace: namespace, name: name))
        if !data.isEmpty { object["data"] = .object(data.mapValues { .string($0) }) }
        object.labels = labels
        return object
    }
}

extension InformerEvent {
    /// `added ns/name`, `updated ns/name`, `deleted ns/name`: what tests compare.
    var summary: String {
        switch self {
        case .added(let object): "added \(object.key)"
        case .updated(let old, let new): old == new ? "resynced \(new.key)" : "updated \(new.key)"
        case .deleted(let object): "deleted \(object.key)"
        }
    }
}

/// Records every event an informer delivers.
func record(_ informer: Informer) -> Recorder<InformerEvent> {
    let recorder = Recorder<InformerEvent>()
    informer.addEventHandler { recorder.append($0) }
    return recorder
}
