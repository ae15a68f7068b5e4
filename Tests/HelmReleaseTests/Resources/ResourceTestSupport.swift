import KubeAPI
import KubeTestServer
import Synchronization

@testable import HelmRelease

/// A fresh KubeTestServer with namespaces `ns` and `other`, and a client for it.
func withResourceCluster<T: Sendable>(
    _ body: (KubeTestServer, KubeClient) async throws -> T
) async throws -> T {
    try await KubeTestServer.withServer { server in
        let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
        return try await withKubeClient(config: config) { client in
            for name in ["ns", "other"] {
                _ = try await client.create(
                    KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]))
            }
            return try await body(server, client)
        }
    }
}

/// The `widgets.example.com` CRD (namespaced kind `Widget`, version v1) as a manifest document.
let widgetCRDManifest = """
    ---
    # Source: demo/crds/widgets.yaml
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: widgets.example.com
    spec:
      group: example.com
      scope: Namespaced
      names:
        plural: widgets
        singular: widget
        kind: Widget
      versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              x-kubernetes-preserve-unknown-fields: true
    """

/// A clock for tests: sleeping advances time at once and calls `onSleep` with the number of sleeps so far, so
/// a test can change the cluster "while" the code under test waits, without real waiting.
final class SteppingClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let state = Mutex((now: Instant(offset: .zero), sleeps: 0))
    private let onSleep: @Sendable (Int) -> Void

    init(onSleep: @escaping @Sendable (Int) -> Void = { _ in }) { self.onSleep = onSleep }

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .nanoseconds(1) }
    /// How many times code slept on this clock.
    var sleeps: Int { state.withLock { $0.sleeps } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let count = state.withLock { state in
            if deadline > state.now { state.now = deadline }
            state.sleeps += 1
            return state.sleeps
        }
        onSleep(count)
    }
}

/// The DELETED events of the given objects since `resourceVersion`, as (resourceVersion, "Kind/name"), oldest
/// first: the order the cluster saw the deletes in.
func deletionOrder(
    _ client: KubeClient, since resourceVersion: String, of objects: [(GroupVersionKind, ObjectKey)]
) async throws -> [String] {
    var seen: [(Int64, String)] = []
    for (gvk, key) in objects {
        let stream = try await client.watch(
            gvk, namespace: key.namespace.isEmpty ? nil : key.namespace,
            options: WatchOptions(fieldSelector: "metadata.name=\(key.name)", resourceVersion: resourceVersion))
        for try await event in stream where event.type == .deleted {
            seen.append((Int64(event.object.resourceVersion) ?? -1, "\(gvk.kind)/\(key.name)"))
            break
        }
    }
    return seen.sorted { $0.0 < $1.0 }.map(\.1)
}
