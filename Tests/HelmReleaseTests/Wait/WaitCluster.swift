import HelmRelease
import KubeAPI
import KubeTestServer

/// A KubeTestServer with namespace `ns` and a client, for the waiter tests.
struct WaitCluster {
    let server: KubeTestServer
    let client: KubeClient

    /// Runs `body` against a fresh server; `retryPolicy` is the client's (tests of transient failures pass
    /// `.never` so the waiter, not the client, sees them).
    static func run(
        retryPolicy: RetryPolicy = RetryPolicy(), _ body: (WaitCluster) async throws -> Void
    ) async throws {
        try await KubeTestServer.withServer { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            let configuration = KubeClient.Configuration(retryPolicy: retryPolicy)
            try await withKubeClient(config: config, configuration: configuration) { client in
                _ = try await client.create(
                    KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "ns"]]))
                try await body(WaitCluster(server: server, client: client))
            }
        }
    }

    /// A waiter polling every millisecond, so tests never wait on the default 2 s.
    func waiter(strategy: WaitStrategy = .watcher) -> ResourceWaiter {
        ResourceWaiter(client: client, pollInterval: .milliseconds(1), strategy: strategy)
    }

    /// Creates `json` in the cluster and returns it as a release resource.
    func create(_ json: JSONValue) async throws -> ReleaseResource {
        let created = try await client.create(KubeObject(json))
        return try await resource(created)
    }

    /// A release resource for `object` (which need not exist).
    func resource(_ object: KubeObject) async throws -> ReleaseResource {
        ReleaseResource(object: object, mapping: try await client.resourceMapping(for: object.groupVersionKind))
    }

    /// Merges `status` into the object's status through the status subresource, as its controller would.
    func setStatus(_ resource: ReleaseResource, _ status: JSONValue) async throws {
        _ = try await client.patchStatus(resource.gvk, resource.key, patch: .merge(["status": status]))
    }
}

/// Minimal objects for the waiter tests.
enum WaitObjects {
    static func deployment(_ name: String, replicas: Int64 = 2) -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name), "namespace": "ns"],
            "spec": [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
                "template": [
                    "metadata": ["labels": ["app": .string(name)]],
                    "spec": ["containers": [["name": "app", "image": "nginx"]]],
                ],
            ],
        ]
    }

    static func job(_ name: String, hook: Bool = false) -> JSONValue {
        var json: JSONValue = [
            "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": .string(name), "namespace": "ns"],
            "spec": [
                "backoffLimit": 1,
                "template": [
                    "spec": ["restartPolicy": "Never", "containers": [["name": "run", "image": "busybox"]]]
                ],
            ],
        ]
        if hook { json["metadata", "annotations"] = ["helm.sh/hook": "pre-install"] }
        return json
    }

    static func pod(_ name: String, hook: Bool = false) -> JSONValue {
        var json: JSONValue = [
            "apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "namespace": "ns"],
            "spec": ["restartPolicy": "Never", "containers": [["name": "app", "image": "busybox"]]],
        ]
        if hook { json["metadata", "annotations"] = ["helm.sh/hook": "test"] }
        return json
    }

    static func configMap(_ name: String, finalizers: [String] = []) -> JSONValue {
        var json: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": "ns"],
            "data": ["a": "b"],
        ]
        if !finalizers.isEmpty { json["metadata", "finalizers"] = .array(finalizers.map { .string($0) }) }
        return json
    }
}
