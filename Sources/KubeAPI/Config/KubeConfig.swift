/// Resolved connection settings for one cluster: where the API server is, how to trust it and who we are.
///
/// Build it from a kubeconfig (``load(kubeconfigPath:context:environment:homeDirectory:)``), from the pod's
/// service account (``inCluster(root:environment:)``), or the way kubectl chooses
/// (``resolve(kubeconfigPath:context:environment:homeDirectory:inClusterRoot:)``). Certificates and keys are held
/// as PEM bytes, already read from their files; a token file is re-read while the client runs, so rotated
/// service-account tokens are picked up.
public struct KubeConfig: Sendable, Hashable {
    /// The API server's base URL, e.g. `https://10.0.0.1:6443`.
    public var server: String
    /// The default namespace for namespaced calls. Default: `default`.
    public var namespace: String
    /// PEM bundle of CAs to trust for the server; `nil` means the system roots.
    public var certificateAuthorityPEM: [UInt8]?
    /// PEM client certificate (chain) for mutual TLS.
    public var clientCertificatePEM: [UInt8]?
    /// PEM private key for ``clientCertificatePEM``.
    public var clientKeyPEM: [UInt8]?
    /// A fixed bearer token.
    public var token: String?
    /// A file holding the bearer token, re-read at most every ``KubeClient/Configuration/tokenRefreshInterval``;
    /// takes precedence over ``token`` when both are set, as client-go does.
    public var tokenFile: String?
    /// HTTP basic-auth user name (rarely used).
    public var username: String?
    /// HTTP basic-auth password.
    public var password: String?
    /// Skip verifying the server's certificate. Never use this in production.
    public var insecureSkipTLSVerify: Bool
    /// The name to send as TLS SNI and to verify the server's certificate against instead of the host in
    /// ``server`` (`tls-server-name`). The connection still goes to ``server``'s host, and HTTP requests still
    /// carry that host in `Host`.
    ///
    /// - Note: Unlike Go, NIOSSL also accepts a certificate whose IP-address SAN is the address connected to,
    ///   whatever this name is. Such a certificate is still signed by the trusted CA for that address. A DNS
    ///   name is required here: an IP address is refused by ``HTTPKubeTransport``.
    public var tlsServerName: String?
    /// A credential plugin that supplies the token or client certificate (`users[].user.exec`); used only when
    /// neither ``token`` nor ``tokenFile`` is set.
    public var execPlugin: ExecCredentialPlugin?
    /// The proxy for every connection to the cluster (`proxy-url`): `http://[user:password@]host[:port]` (the
    /// connection to the API server is tunnelled with `CONNECT`) or `socks5://host[:port]`.
    public var proxyURL: String?
    /// The cluster's `disable-compression` setting. KubeAPI never asks for compressed responses (it trades the
    /// bandwidth for CPU and memory), so this is always in effect; it is kept to pass on to exec plugins.
    public var disableCompression: Bool
    /// Where these settings came from (file and context, or `in-cluster`), for messages.
    public var source: String

    /// Creates settings directly; every field except ``server`` has a default.
    public init(
        server: String, namespace: String = "default", certificateAuthorityPEM: [UInt8]? = nil,
        clientCertificatePEM: [UInt8]? = nil, clientKeyPEM: [UInt8]? = nil, token: String? = nil,
        tokenFile: String? = nil, username: String? = nil, password: String? = nil,
        insecureSkipTLSVerify: Bool = false, tlsServerName: String? = nil, source: String = "configuration"
    ) {
        self.server = server
        self.namespace = namespace
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.token = token
        self.tokenFile = tokenFile
        self.username = username
        self.password = password
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.source = source
        execPlugin = nil
        proxyURL = nil
        disableCompression = false
    }

    /// Chooses settings as kubectl does: an explicit path, else `KUBECONFIG`, else `~/.kube/config` if it exists,
    /// else the in-cluster service account when `KUBERNETES_SERVICE_HOST` is set.
    ///
    /// - Parameters:
    ///   - kubeconfigPath: a `--kubeconfig` flag value; when set, only that file is read.
    ///   - context: a `--context` flag value overriding `current-context`.
    ///   - environment: the process environment (injectable for tests).
    ///   - homeDirectory: where `.kube/config` is looked for. Default: `HOME` from `environment`.
    ///   - inClusterRoot: the file-system root for in-cluster files. Default: `/`.
    /// - Throws: ``KubeAPIError/Code/config`` naming the file and field at fault, or saying no configuration was
    ///   found.
    public static func resolve(
        kubeconfigPath: String? = nil, context: String? = nil, environment: [String: String],
        homeDirectory: String? = nil, inClusterRoot: String = "/"
    ) throws(KubeAPIError) -> KubeConfig {
        if kubeconfigPath != nil || !(environment["KUBECONFIG"] ?? "").isEmpty {
            return try load(kubeconfigPath: kubeconfigPath, context: context, environment: environment)
        }
        if let home = homeDirectory ?? environment["HOME"], FileReader.exists("\(home)/.kube/config") {
            return try load(context: context, environment: environment, homeDirectory: home)
        }
        if environment["KUBERNETES_SERVICE_HOST"] != nil {
            return try inCluster(root: inClusterRoot, environment: environment)
        }
        throw .config(
            "no Kubernetes configuration: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config or run in a pod")
    }
}
