import Foundation
import GoTemplate
import HelmEngine
import HelmRelease
import KubeAPI
import KubeTestServer
import Logging
import Testing

/// What an action test gets: a client, a fresh namespace (deleted afterwards) and a way to build configurations.
struct ActionEnvironment: Sendable {
    let client: KubeClient
    /// How `client` reaches the cluster, for tests that need a second client.
    let config: KubeConfig
    /// A uniquely named namespace created for this test.
    let namespace: String
    /// Whether the backend is a real cluster (`FLUXHELM_TEST_KUBECONFIG`) rather than KubeTestServer.
    let isRealCluster: Bool
    /// The cluster's capabilities, read once.
    let capabilities: Capabilities
    /// Record and lease timestamps; tests move it by hand.
    let clock: ManualWallClock

    /// A configuration as one fluxhelm process would have it (its own lock identity), with Secret storage.
    func configuration(
        identity: String = "fluxhelm-test-a", maxHistory: Int = 10, kind: ReleaseRecord.Kind = .secret,
        lock: ReleaseLock.Configuration = ReleaseLock.Configuration()
    ) -> ActionConfiguration {
        let driver = RecordReleaseDriver(
            records: KubernetesReleaseRecordStore(client: client, kind: kind), clock: clock)
        return ActionConfiguration(
            client: client, storage: ReleaseStorage(driver: driver, maxHistory: maxHistory),
            lock: ReleaseLock(
                store: KubernetesReleaseLeaseStore(client: client), identity: identity, clock: clock,
                configuration: lock),
            renderer: ChartRenderer(capabilities: capabilities), clock: clock,
            pollInterval: .milliseconds(isRealCluster ? 500 : 20))
    }

    /// The release record objects (Secrets labelled `owner=helm,name=NAME`), by name.
    func records(_ release: String, kind: ReleaseRecord.Kind = .secret) async throws -> [String: KubeObject] {
        let gvk = GroupVersionKind(group: "", version: "v1", kind: kind.rawValue)
        let list = try await client.listAll(
            gvk, namespace: namespace,
            options: ListOptions(labelSelector: LabelSelector(matchLabels: ["owner": "helm", "name": release])))
        return Dictionary(list.items.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A ConfigMap of the test namespace, or nil when absent.
    func configMap(_ name: String) async throws -> KubeObject? {
        do {
            return try await client.get(.configMap, ObjectKey(namespace: namespace, name: name))
        } catch let error as KubeAPIError where error.code == .notFound {
            return nil
        }
    }
}

/// Runs action tests against KubeTestServer, or a real cluster when `FLUXHELM_TEST_KUBECONFIG` names a kubeconfig
/// (the pattern of the KubeAPI contract suite).
enum ActionBackend {
    static let realClusterKubeconfig: String? = {
        let value = ProcessInfo.processInfo.environment["FLUXHELM_TEST_KUBECONFIG"] ?? ""
        return value.isEmpty ? nil : value
    }()

    /// Whether fault injection (only KubeTestServer has it) is available.
    static var usesTestServer: Bool { realClusterKubeconfig == nil }

    static func randomSuffix() -> String {
        String(UInt64.random(in: 0..<UInt64(36 * 36 * 36 * 36 * 36 * 36)), radix: 36)
    }

    /// Runs `body` with a fresh namespace, deleting it afterwards; `server` is nil on a real cluster.
    static func run(
        _ body: @Sendable (ActionEnvironment, KubeTestServer?) async throws -> Void
    ) async throws {
        let configuration = KubeClient.Configuration(timeout: .seconds(20))
        if let path = realClusterKubeconfig {
            let config = try KubeConfig.load(kubeconfigPath: path)
            try await withKubeClient(config: config, configuration: configuration) { client in
                try await withNamespace(client: client, config: config, isRealCluster: true) { try await body($0, nil) }
            }
        } else {
            try await KubeTestServer.withServer(configuration: .init()) { server in
                let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
                try await withKubeClient(config: config, configuration: configuration) { client in
                    try await withNamespace(client: client, config: config, isRealCluster: false) {
                        try await body($0, server)
                    }
                }
            }
        }
    }

    private static func withNamespace(
        client: KubeClient, config: KubeConfig, isRealCluster: Bool,
        _ body: @Sendable (ActionEnvironment) async throws -> Void
    ) async throws {
        let namespace = "fluxhelm-actions-\(randomSuffix())"
        _ = try await client.create(KubeObject(.namespace, key: ObjectKey(name: namespace)))
        let environment = ActionEnvironment(
            client: client, config: config, namespace: namespace, isRealCluster: isRealCluster,
            capabilities: try await ClusterCapabilities.read(from: client),
            clock: ManualWallClock(SystemWallClock().now()))
        do {
            try await body(environment)
        } catch {
            _ = try? await client.delete(.namespace, ObjectKey(name: namespace))
            throw error
        }
        _ = try await client.delete(.namespace, ObjectKey(name: namespace))
    }
}

/// Charts built in memory for action tests.
enum TestChart {
    /// A chart named `name` with `values.yaml` text, templates by file name and optional `crds/` files.
    static func make(
        name: String = "demo", version: String = "0.1.0", values: String = "", templates: [String: String],
        crds: [String: String] = [:]
    ) throws -> HelmEngine.Chart {
        var files = [
            HelmEngine.ChartFile(name: "Chart.yaml", text: "apiVersion: v2\nname: \(name)\nversion: \(version)\n"),
            HelmEngine.ChartFile(name: "values.yaml", text: values),
        ]
        for (file, text) in templates.sorted(by: { $0.key < $1.key }) {
            files.append(HelmEngine.ChartFile(name: "templates/" + file, text: text))
        }
        for (file, text) in crds.sorted(by: { $0.key < $1.key }) {
            files.append(HelmEngine.ChartFile(name: "crds/" + file, text: text))
        }
        return try ChartLoader().load(files: files)
    }

    /// A ConfigMap template named `{{ .Release.Name }}-SUFFIX` with `data` given as template text.
    static func configMap(
        _ suffix: String, data: String = "  value: {{ .Values.value | default \"none\" | quote }}\n",
        annotations: [String: String] = [:]
    ) -> String {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-\(suffix)\n"
        if !annotations.isEmpty {
            text += "  annotations:\n"
            for (key, value) in annotations.sorted(by: { $0.key < $1.key }) { text += "    \(key): \"\(value)\"\n" }
        }
        return text + "data:\n" + data
    }

    /// A hook ConfigMap for `events` (comma-separated), with weight and delete policy.
    static func hookConfigMap(_ suffix: String, events: String, weight: Int = 0, deletePolicy: String? = nil) -> String
    {
        var annotations = ["helm.sh/hook": events, "helm.sh/hook-weight": String(weight)]
        if let deletePolicy { annotations["helm.sh/hook-delete-policy"] = deletePolicy }
        return configMap(suffix, data: "  revision: \"{{ .Release.Revision }}\"\n", annotations: annotations)
    }
}

/// User values from JSON text (numbers become float64, as `--set-json` leaves them).
func values(_ json: String) throws -> [String: GoTemplate.Value] {
    guard case .map(let map, _) = try GoJSON.decode(json) else { return [:] }
    return map
}
