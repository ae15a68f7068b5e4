import KubeAPI

/// What the fake controllers do; by default every object they watch becomes ready (or, for Jobs and hook/test
/// Pods, succeeds).
struct FakeControllerRules: Sendable {
    /// The kinds a fake controller runs for.
    enum Kind: String, Sendable, Hashable, CaseIterable {
        case deployments, statefulSets, daemonSets, replicaSets, pods, jobs, persistentVolumeClaims, services

        var gvk: GroupVersionKind {
            switch self {
            case .deployments: .deployment
            case .statefulSets: GroupVersionKind(group: "apps", version: "v1", kind: "StatefulSet")
            case .daemonSets: GroupVersionKind(group: "apps", version: "v1", kind: "DaemonSet")
            case .replicaSets: GroupVersionKind(group: "apps", version: "v1", kind: "ReplicaSet")
            case .pods: .pod
            case .jobs: GroupVersionKind(group: "batch", version: "v1", kind: "Job")
            case .persistentVolumeClaims: GroupVersionKind(group: "", version: "v1", kind: "PersistentVolumeClaim")
            case .services: .service
            }
        }
    }

    /// How a Job or Pod ends.
    enum Outcome: Sendable, Hashable {
        /// Jobs: `Complete`. Pods: `Succeeded` for hook and test Pods (annotation `helm.sh/hook`), else Running
        /// and Ready.
        case succeed
        /// Jobs: a `Failed` condition (reason `BackoffLimitExceeded`) with this message. Pods: phase `Failed`
        /// with this message.
        case fail(String)
    }

    /// The kinds to run controllers for. Default: all.
    var kinds: Set<Kind> = Set(Kind.allCases)
    /// Only this namespace; nil watches all namespaces.
    var namespace: String?
    /// Outcome per Job or Pod name; names not listed succeed.
    var outcomes: [String: Outcome] = [:]
    /// Names (of any kind) the controllers leave alone, so they never become ready.
    var ignored: Set<String> = []
    /// The ingress IP given to LoadBalancer Services; nil leaves them without one.
    var loadBalancerIP: String? = "192.0.2.10"

    init(
        kinds: Set<Kind> = Set(Kind.allCases), namespace: String? = nil, outcomes: [String: Outcome] = [:],
        ignored: Set<String> = [], loadBalancerIP: String? = "192.0.2.10"
    ) {
        self.kinds = kinds
        self.namespace = namespace
        self.outcomes = outcomes
        self.ignored = ignored
        self.loadBalancerIP = loadBalancerIP
    }

    /// Rules that fail the named Jobs or Pods with `message`.
    static func failing(_ names: String..., message: String = "the hook failed on purpose") -> FakeControllerRules {
        FakeControllerRules(outcomes: Dictionary(uniqueKeysWithValues: names.map { ($0, .fail(message)) }))
    }
}

/// Plays kube's controllers against KubeTestServer for tests that need real waits: it watches the kinds in its
/// rules and writes, through the status subresource, the status the real controller would report once done.
/// Deployments, StatefulSets, DaemonSets and ReplicaSets become fully rolled out and available, Pods Ready (hook and
/// test Pods Succeeded), Jobs Complete, PVCs Bound, LoadBalancer Services get an ingress IP; Jobs and Pods named
/// in ``FakeControllerRules/outcomes`` fail instead. Status follows spec changes (`observedGeneration`).
///
/// ```swift
/// try await withFakeControllers(client: client, rules: .failing("pre-install-job")) {
///     try await config.install(options)   // hooks and --wait see the statuses above
/// }
/// ```
func withFakeControllers<T: Sendable>(
    client: KubeClient, rules: FakeControllerRules = FakeControllerRules(),
    _ body: () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
        for kind in rules.kinds {
            group.addTask { await FakeControllers.run(kind, client: client, rules: rules) }
        }
        defer { group.cancelAll() }
        return try await body()
    }
}

/// The fake controllers' logic: a watch loop per kind and the status each kind reaches.
enum FakeControllers {
    /// Watches one kind until cancelled, writing the finished status of every object that lacks it.
    static func run(_ kind: FakeControllerRules.Kind, client: KubeClient, rules: FakeControllerRules) async {
        var version: String?
        while !Task.isCancelled {
            do {
                let events = try await client.watch(
                    kind.gvk, namespace: rules.namespace, options: WatchOptions(resourceVersion: version))
                for try await event in events {
                    if !event.object.resourceVersion.isEmpty { version = event.object.resourceVersion }
                    guard event.type == .added || event.type == .modified else { continue }
                    await reconcile(event.object, kind: kind, client: client, rules: rules)
                }
            } catch let error as KubeAPIError where error.code == .gone {
                version = nil  // start over from the current objects
            } catch {
                if Task.isCancelled { return }
                version = nil
                // Back off briefly so a server that stays down (a restart test) is not hammered in a tight loop;
                // this paces retries only, nothing waits on it.
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Writes `object`'s finished status unless it already has it.
    static func reconcile(
        _ object: KubeObject, kind: FakeControllerRules.Kind, client: KubeClient, rules: FakeControllerRules
    ) async {
        guard object.deletionTimestamp == nil, let wanted = status(for: object, kind: kind, rules: rules) else {
            return
        }
        let current = object["status"]?.objectValue ?? [:]
        let missing = wanted.filter { current[$0.key] != $0.value }
        guard !missing.isEmpty else { return }
        // A merge patch of status: the object may have moved on meanwhile; its next event reconciles again.
        _ = try? await client.patchStatus(
            object.groupVersionKind, object.key, patch: .merge(["status": .object(missing)]))
    }

    /// The status fields a finished controller reports for `object`; nil when the rules leave it alone.
    static func status(for object: KubeObject, kind: FakeControllerRules.Kind, rules: FakeControllerRules)
        -> [String: JSONValue]?
    {
        guard !rules.ignored.contains(object.name) else { return nil }
        let generation = JSONValue.int(object.generation)
        let replicas = JSONValue.int(object["spec", "replicas"]?.intValue ?? 1)
        let started: JSONValue = .string(object.creationTimestamp ?? "2026-01-01T00:00:00Z")
        switch kind {
        case .deployments:
            return [
                "observedGeneration": generation, "replicas": replicas, "updatedReplicas": replicas,
                "readyReplicas": replicas, "availableReplicas": replicas,
                "conditions": [
                    ["type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"],
                    ["type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"],
                ],
            ]
        case .statefulSets:
            let revision = JSONValue.string("\(object.name)-\(object.generation)")
            return [
                "observedGeneration": generation, "replicas": replicas, "readyReplicas": replicas,
                "currentReplicas": replicas, "updatedReplicas": replicas, "availableReplicas": replicas,
                "currentRevision": revision, "updateRevision": revision,
            ]
        case .daemonSets:
            return [
                "observedGeneration": generation, "desiredNumberScheduled": 1, "currentNumberScheduled": 1,
                "updatedNumberScheduled": 1, "numberAvailable": 1, "numberReady": 1,
            ]
        case .replicaSets:
            return [
                "observedGeneration": generation, "replicas": replicas, "fullyLabeledReplicas": replicas,
                "readyReplicas": replicas, "availableReplicas": replicas,
            ]
        case .pods:
            if case .fail(let message) = rules.outcomes[object.name] {
                return ["phase": "Failed", "reason": "Error", "message": .string(message)]
            }
            if object.annotations["helm.sh/hook"] != nil { return ["phase": "Succeeded"] }
            return ["phase": "Running", "conditions": [["type": "Ready", "status": "True"]]]
        case .jobs:
            let completions = JSONValue.int(object["spec", "completions"]?.intValue ?? 1)
            if case .fail(let message) = rules.outcomes[object.name] {
                let failed = JSONValue.int((object["spec", "backoffLimit"]?.intValue ?? 6) + 1)
                return [
                    "startTime": started, "failed": failed, "active": 0,
                    "conditions": [
                        [
                            "type": "Failed", "status": "True", "reason": "BackoffLimitExceeded",
                            "message": .string(message),
                        ]
                    ],
                ]
            }
            return [
                "startTime": started, "completionTime": started, "succeeded": completions, "active": 0,
                "conditions": [["type": "Complete", "status": "True"]],
            ]
        case .persistentVolumeClaims:
            return ["phase": "Bound"]
        case .services:
            guard object["spec", "type"]?.stringValue == "LoadBalancer", let ip = rules.loadBalancerIP else {
                return nil
            }
            return ["loadBalancer": ["ingress": [["ip": .string(ip)]]]]
        }
    }
}
