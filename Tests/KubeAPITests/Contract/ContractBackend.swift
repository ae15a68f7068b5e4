import Foundation
import KubeAPI
import KubeTestServer
import Testing

/// What a contract test body gets: a client, and a fresh namespace that is deleted afterwards.
struct ContractEnvironment: Sendable {
    let client: KubeClient
    let config: KubeConfig
    /// A uniquely named namespace created for this test.
    let namespace: String
    /// Whether the backend is a real cluster (`FLUXHELM_TEST_KUBECONFIG`) rather than KubeTestServer.
    let isRealCluster: Bool

    /// A fresh unique name with a prefix, valid as a Kubernetes name.
    func uniqueName(_ prefix: String) -> String { "\(prefix)-\(ContractBackend.randomSuffix())" }
}

/// Chooses the backend for the contract suite, as hummingbird's `.router`/`.live` test setup does: KubeTestServer
/// by default, a real cluster when `FLUXHELM_TEST_KUBECONFIG` names a kubeconfig. The same test bodies run on both.
enum ContractBackend {
    /// The real cluster's kubeconfig, when one is named.
    static let realClusterKubeconfig: String? = {
        let value = ProcessInfo.processInfo.environment["FLUXHELM_TEST_KUBECONFIG"] ?? ""
        return value.isEmpty ? nil : value
    }()

    /// Whether fault-injection tests can run (only on KubeTestServer).
    static var usesTestServer: Bool { realClusterKubeconfig == nil }

    /// Prints, once per process, which backend the contract suite uses.
    static let announce: Void = {
        if let path = realClusterKubeconfig {
            print("KubeAPI contract suite: using the real cluster from FLUXHELM_TEST_KUBECONFIG=\(path)")
        } else {
            print(
                "KubeAPI contract suite: FLUXHELM_TEST_KUBECONFIG is not set; real-cluster run skipped, using KubeTestServer"
            )
        }
    }()

    static func randomSuffix() -> String {
        String(UInt64.random(in: 0..<UInt64(36 * 36 * 36 * 36 * 36 * 36)), radix: 36)
    }

    /// Runs `body` against the chosen backend with a fresh namespace, deleting the namespace afterwards.
    static func run(
        clientConfiguration: KubeClient.Configuration = KubeClient.Configuration(timeout: .seconds(20)),
        _ body: @Sendable (ContractEnvironment) async throws -> Void
    ) async throws {
        _ = announce
        if let path = realClusterKubeconfig {
            let config = try KubeConfig.load(kubeconfigPath: path)
            try await withKubeClient(config: config, configuration: clientConfiguration) { client in
                try await withNamespace(client: client, config: config, isRealCluster: true, body)
            }
        } else {
            try await KubeTestServer.withServer(configuration: .init()) { server in
                let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
                try await withKubeClient(config: config, configuration: clientConfiguration) { client in
                    try await withNamespace(client: client, config: config, isRealCluster: false, body)
                }
            }
        }
    }

    private static func withNamespace(
        client: KubeClient, config: KubeConfig, isRealCluster: Bool,
        _ body: @Sendable (ContractEnvironment) async throws -> Void
    ) async throws {
        let namespace = "fluxhelm-test-\(randomSuffix())"
        _ = try await client.create(KubeObject(.namespace, key: ObjectKey(name: namespace)))
        let environment = ContractEnvironment(
            client: client, config: config, namespace: namespace, isRealCluster: isRealCluster)
        do {
            try await body(environment)
        } catch {
            _ = try? await client.delete(.namespace, ObjectKey(name: namespace))
            throw error
        }
        _ = try await client.delete(.namespace, ObjectKey(name: namespace))
    }
}

extension KubeObject {
    /// A ConfigMap with data and labels, for tests.
    static func configMap(
        _ namespace: String, _ name: String, data: [String: String] = [:], labels: [String: String] = [:]
    )
        -> KubeObject
    {
        var object = KubeObject(.configMap, key: ObjectKey(namespace: namespace, name: name))
        if !data.isEmpty { object["data"] = .object(data.mapValues { .string($0) }) }
        object.labels = labels
        return object
    }
}

/// Reads the next event, failing the test if the watch ends first.
///
/// - Parameters:
///   - skippingBookmarks: pass over BOOKMARK events.
///   - prefix: pass over events for objects whose name does not start with this (a real cluster adds objects of
///     its own, such as each namespace's `kube-root-ca.crt` ConfigMap).
func nextEvent(
    _ iterator: inout WatchEventStream.AsyncIterator, skippingBookmarks: Bool = true, prefix: String = ""
) async throws -> WatchEvent {
    while true {
        guard let event = try await iterator.next() else {
            throw KubeAPIError(code: .transport, message: "watch ended before the expected event")
        }
        if event.type == .bookmark {
            if skippingBookmarks { continue }
            return event
        }
        if !event.object.name.hasPrefix(prefix) { continue }
        return event
    }
}
