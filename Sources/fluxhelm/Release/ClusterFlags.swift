import ArgumentParser
import Foundation
import HelmRelease
import KubeAPI

/// The cluster and storage flags every release command shares, with Helm's names.
struct ClusterFlags: ParsableArguments {
    @Option(name: .customLong("kubeconfig"), help: "Path to the kubeconfig file.")
    var kubeconfig: String?

    @Option(name: .customLong("kube-context"), help: "Name of the kubeconfig context to use.")
    var kubeContext: String?

    @Option(name: [.customShort("n"), .customLong("namespace")],
        help: "Namespace scope for this request (default: the context's namespace, else default).")
    var namespace: String?

    @Option(name: .customLong("kube-token"), help: "Bearer token used for authentication.")
    var kubeToken: String?

    @Option(name: .customLong("kube-apiserver"), help: "The address and the port for the Kubernetes API server.")
    var kubeAPIServer: String?

    @Option(name: .customLong("kube-ca-file"),
        help: "The certificate authority file for the Kubernetes API server connection.")
    var kubeCAFile: String?

    @Flag(name: .customLong("kube-insecure-skip-tls-verify"),
        help: "Do not verify the Kubernetes API server's certificate.")
    var kubeInsecureSkipTLSVerify = false

    @Option(name: .customLong("kube-tls-server-name"),
        help: "Server name to use for the Kubernetes API server's certificate.")
    var kubeTLSServerName: String?

    @Option(name: .customLong("storage"),
        help: "Where release records live: secret, configmap or memory (default: $HELM_DRIVER, else secret).")
    var storage: String?

    /// The connection settings: the kubeconfig (or in-cluster account) as kubectl chooses it, then the flags, which
    /// fall back to Helm's variables (`HELM_KUBECONTEXT`, `HELM_KUBETOKEN`, `HELM_KUBEAPISERVER`, `HELM_KUBECAFILE`,
    /// `HELM_KUBETLS_SERVER_NAME`, `HELM_KUBEINSECURE_SKIP_TLS_VERIFY`).
    func kubeConfig(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> KubeConfig {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let context = kubeContext ?? variable("HELM_KUBECONTEXT")
        let apiServer = kubeAPIServer ?? variable("HELM_KUBEAPISERVER")
        let token = kubeToken ?? variable("HELM_KUBETOKEN")
        let caFile = kubeCAFile ?? variable("HELM_KUBECAFILE")
        let tlsServerName = kubeTLSServerName ?? variable("HELM_KUBETLS_SERVER_NAME")
        let insecure = kubeInsecureSkipTLSVerify
            || ["1", "t", "true"].contains(variable("HELM_KUBEINSECURE_SKIP_TLS_VERIFY")?.lowercased() ?? "")
        var config: KubeConfig
        do {
            config = try KubeConfig.resolve(kubeconfigPath: kubeconfig, context: context, environment: environment)
        } catch {
            // Helm works from --kube-apiserver alone when there is no kubeconfig.
            guard let apiServer, kubeconfig == nil else { throw CLIError.wrap(error) }
            config = KubeConfig(server: apiServer, source: "--kube-apiserver")
        }
        if let apiServer { config.server = apiServer }
        if let token {
            config.token = token
            config.tokenFile = nil
        }
        if let caFile {
            guard let bytes = FileManager.default.contents(atPath: caFile) else {
                throw CLIError("unable to read --kube-ca-file \(caFile)")
            }
            config.certificateAuthorityPEM = Array(bytes)
        }
        if let tlsServerName { config.tlsServerName = tlsServerName }
        if insecure { config.insecureSkipTLSVerify = true }
        return config
    }

    /// The namespace of the request: `-n`, else `HELM_NAMESPACE`, else the context's namespace.
    func namespace(for config: KubeConfig) -> String {
        namespace ?? ProcessInfo.processInfo.environment["HELM_NAMESPACE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? config.namespace
    }

    /// `--history-max`'s default: `HELM_MAX_HISTORY`, else 10.
    static var defaultMaxHistory: Int {
        ProcessInfo.processInfo.environment["HELM_MAX_HISTORY"].flatMap { Int($0) } ?? 10
    }

    /// The storage driver's name: `--storage`, else `$HELM_DRIVER`, else `secret`.
    var storageDriver: String {
        storage ?? ProcessInfo.processInfo.environment["HELM_DRIVER"] ?? "secret"
    }

    /// Connects to the cluster, runs `body` and closes the connection.
    func withCluster<Result>(maxHistory: Int = 10, _ body: (ReleaseCluster) async throws -> Result) async throws
        -> Result
    {
        try await withClient { client, config in
            let storage = try ReleaseStorage(
                driver: Self.driver(named: storageDriver, client: client), maxHistory: maxHistory)
            return try await body(
                ReleaseCluster(client: client, storage: storage, namespace: namespace(for: config)))
        }
    }

    /// Opens a client for the configured cluster, runs `body` with it and closes it, also when `body` throws.
    func withClient<Result>(_ body: (KubeClient, KubeConfig) async throws -> Result) async throws -> Result {
        let config = try kubeConfig()
        let client: KubeClient
        do {
            client = try KubeClient(config: config)
        } catch {
            throw CLIError.wrap(error)
        }
        let result: Result
        do {
            result = try await body(client, config)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
        return result
    }

    /// Helm's drivers by name (`HELM_DRIVER`): secret(s) or empty, configmap(s), memory.
    static func driver(named name: String, client: KubeClient) throws -> any ReleaseStorageDriver {
        switch name.lowercased() {
        case "", "secret", "secrets":
            return RecordReleaseDriver(records: KubernetesReleaseRecordStore(client: client, kind: .secret))
        case "configmap", "configmaps":
            return RecordReleaseDriver(records: KubernetesReleaseRecordStore(client: client, kind: .configMap))
        case "memory":
            return MemoryReleaseDriver()
        default:
            throw CLIError("unknown driver \"\(name)\"")
        }
    }
}

/// What a release command works with: the cluster, the release records and the namespace of the request.
struct ReleaseCluster: Sendable {
    var client: KubeClient
    var storage: ReleaseStorage
    var namespace: String
}
