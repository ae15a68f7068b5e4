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

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Namespace scope for this request (default: the context's namespace, else default).")
    var namespace: String?

    @Option(name: .customLong("kube-token"), help: "Bearer token used for authentication.")
    var kubeToken: String?

    @Option(name: .customLong("kube-apiserver"), help: "The address and the port for the Kubernetes API server.")
    var kubeAPIServer: String?

    @Option(name: .customLong("kube-ca-file"), help: "The certificate authority file for the Kubernetes API server connection.")
    var kubeCAFile: String?

    @Flag(name: .customLong("kube-insecure-skip-tls-verify"), help: "Do not verify the Kubernetes API server's certificate.")
    var kubeInsecureSkipTLSVerify = false

    @Option(name: .customLong("storage"), help: "Where release records live: secret, configmap or memory (default: $HELM_DRIVER, else secret).")
    var storage: String?

    /// The connection settings: the kubeconfig (or in-cluster account) as kubectl chooses it, then the flags.
    func kubeConfig(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> KubeConfig {
        var config: KubeConfig
        do {
            config = try KubeConfig.resolve(kubeconfigPath: kubeconfig, context: kubeContext, environment: environment)
        } catch {
            // Helm works from --kube-apiserver alone when there is no kubeconfig.
            guard let kubeAPIServer, kubeconfig == nil else { throw CLIError.wrap(error) }
            config = KubeConfig(server: kubeAPIServer, source: "--kube-apiserver")
        }
        if let kubeAPIServer { config.server = kubeAPIServer }
        if let kubeToken {
            config.token = kubeToken
            config.tokenFile = nil
        }
        if let kubeCAFile {
            guard let bytes = FileManager.default.contents(atPath: kubeCAFile) else {
                throw CLIError("unable to read --kube-ca-file \(kubeCAFile)")
            }
            config.certificateAuthorityPEM = Array(bytes)
        }
        if kubeInsecureSkipTLSVerify { config.insecureSkipTLSVerify = true }
        return config
    }

    /// The storage driver's name: `--storage`, else `$HELM_DRIVER`, else `secret`.
    var storageDriver: String {
        storage ?? ProcessInfo.processInfo.environment["HELM_DRIVER"] ?? "secret"
    }

    /// Connects to the cluster, runs `body` and closes the connection.
    func withCluster<Result>(maxHistory: Int = 10, _ body: (ReleaseCluster) async throws -> Result) async throws
        -> Result
    {
        let config = try kubeConfig()
        let client: KubeClient
        do {
            client = try KubeClient(config: config)
        } catch {
            throw CLIError.wrap(error)
        }
        let result: Result
        do {
            let storage = try ReleaseStorage(
                driver: Self.driver(named: storageDriver, client: client), maxHistory: maxHistory)
            result = try await body(
                ReleaseCluster(client: client, storage: storage, namespace: namespace ?? config.namespace))
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
