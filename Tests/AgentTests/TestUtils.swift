import Agent
import Foundation
import KubeAPI
import KubeTestServer
import Logging
import Synchronization

/// A transport that counts the write requests (POST, PUT, PATCH, DELETE) the client sends, by path.
final class CountingTransport: KubeTransport {
    private let inner: HTTPKubeTransport
    private let log = Mutex<[String]>([])

    init(config: KubeConfig) throws {
        inner = try HTTPKubeTransport(config: config)
    }

    /// `METHOD path` of every write so far.
    var writes: [String] { log.withLock { $0 } }

    func resetWrites() { log.withLock { $0 = [] } }

    func send(_ request: KubeRequest, timeout: Duration, maximumBodyBytes: Int) async throws -> KubeResponse {
        if request.method != "GET" {
            var path = request.url.split(separator: "?").first.map(String.init) ?? request.url
            // Keep only the path: drop `http://host:port`.
            if let scheme = path.range(of: "://"), let slash = path[scheme.upperBound...].firstIndex(of: "/") {
                path = String(path[slash...])
            }
            log.withLock { $0.append("\(request.method) \(path)") }
        }
        return try await inner.send(request, timeout: timeout, maximumBodyBytes: maximumBodyBytes)
    }

    func stream(_ request: KubeRequest, timeout: Duration) async throws -> KubeStreamingResponse {
        try await inner.stream(request, timeout: timeout)
    }

    func shutdown() async throws { try await inner.shutdown() }
}

/// A KubeTestServer with namespaces `flux` (the agent's) and `apps` (the default namespace), and a client that
/// counts writes. Each call of `newClient` gives a fresh client (as a restarted agent would have).
struct AgentCluster {
    var server: KubeTestServer
    var config: KubeConfig

    /// Runs `body` with a client, shutting it down afterwards.
    func withClient<T>(_ body: (KubeClient, CountingTransport) async throws -> T) async throws -> T {
        let transport = try CountingTransport(config: config)
        let client = KubeClient(config: config, transport: transport)
        do {
            let result = try await body(client, transport)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// The syncer configuration the tests use.
    static func configuration(prune: Bool = true) -> Syncer.Configuration {
        Syncer.Configuration(
            name: "test-agent", namespace: "flux", defaultNamespace: "apps", prune: prune,
            repository: "file:///repo", crdEstablishTimeout: .seconds(2), crdPollInterval: .milliseconds(20))
    }
}

func withAgentCluster(_ body: (AgentCluster) async throws -> Void) async throws {
    try await KubeTestServer.withServer { server in
        let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
        try await withKubeClient(config: config) { client in
            for name in ["flux", "apps"] {
                _ = try await client.create(
                    KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]))
            }
        }
        try await body(AgentCluster(server: server, config: config))
    }
}

/// A snapshot from file texts.
func snapshot(_ revision: String, _ files: [String: String]) -> SourceSnapshot {
    SourceSnapshot(
        revision: revision, files: files.map { SourceFile(path: $0.key, contents: Array($0.value.utf8)) })
}

/// A ConfigMap manifest.
func configMap(_ name: String, namespace: String? = nil, data: [String: String]) -> String {
    var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n"
    if let namespace { text += "  namespace: \(namespace)\n" }
    text += "data:\n"
    for (key, value) in data.sorted(by: { $0.key < $1.key }) { text += "  \(key): \"\(value)\"\n" }
    return text
}

/// Logs nowhere.
let quietLogger = Logger(label: "agent-tests") { _ in SwiftLogNoOpLogHandler() }
