/// A kubeconfig `users[].user.exec` entry: a command that prints an `ExecCredential` (a bearer token or a client
/// certificate) for the API server, as client-go's credential plugins do (`aws eks get-token`,
/// `gke-gcloud-auth-plugin`, `kubelogin`, ...).
///
/// ``HTTPKubeTransport`` runs the command when it first needs a credential, caches the result until its
/// `expirationTimestamp`, runs it again after that, and runs it once more when the server answers 401 with the
/// cached credential. fluxhelm never has a terminal for a plugin to prompt on, so every run is non-interactive
/// (`spec.interactive` is `false`); a plugin whose ``interactiveMode`` is ``InteractiveMode/always`` is refused.
public struct ExecCredentialPlugin: Sendable, Hashable {
    /// One environment variable the plugin gets on top of fluxhelm's own environment.
    public struct EnvironmentVariable: Sendable, Hashable {
        /// The variable's name.
        public var name: String
        /// The variable's value.
        public var value: String

        /// Creates a variable.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Whether a plugin may use standard input to talk to a user (`interactiveMode` in the kubeconfig).
    public struct InteractiveMode: Sendable, Hashable, CustomStringConvertible {
        /// The kubeconfig spelling: `Never`, `IfAvailable` or `Always`.
        public let rawValue: String

        /// The plugin never needs a terminal.
        public static let never = InteractiveMode(rawValue: "Never")
        /// The plugin uses a terminal when there is one; fluxhelm runs it without one.
        public static let ifAvailable = InteractiveMode(rawValue: "IfAvailable")
        /// The plugin needs a terminal; fluxhelm cannot run it.
        public static let always = InteractiveMode(rawValue: "Always")

        /// The mode for a kubeconfig value, or `nil` when the value is not one of the three.
        public init?(kubeconfigValue: String) {
            guard ["Never", "IfAvailable", "Always"].contains(kubeconfigValue) else { return nil }
            rawValue = kubeconfigValue
        }

        private init(rawValue: String) { self.rawValue = rawValue }

        /// The kubeconfig spelling.
        public var description: String { rawValue }
    }

    /// The API version of `client.authentication.k8s.io/v1`.
    public static let v1 = "client.authentication.k8s.io/v1"
    /// The API version of `client.authentication.k8s.io/v1beta1`.
    public static let v1beta1 = "client.authentication.k8s.io/v1beta1"

    /// The command: a path (relative paths are already resolved against the kubeconfig's directory) or a bare
    /// name looked up in `PATH`.
    public var command: String
    /// The arguments, without the command itself.
    public var arguments: [String]
    /// Variables added to the plugin's environment, in kubeconfig order (a later one wins).
    public var environment: [EnvironmentVariable]
    /// The `ExecCredential` API version the plugin speaks: ``v1`` or ``v1beta1``.
    public var apiVersion: String
    /// Shown in the error when the command is not found, e.g. how to install it.
    public var installHint: String?
    /// Whether the plugin gets the cluster's settings in `KUBERNETES_EXEC_INFO` (`provideClusterInfo`).
    public var provideClusterInfo: Bool
    /// Whether the plugin may prompt a user.
    public var interactiveMode: InteractiveMode
    /// The cluster's `extensions` entry named `client.authentication.k8s.io/exec`, passed to the plugin as
    /// `spec.cluster.config` when ``provideClusterInfo`` is set.
    public var clusterConfig: JSONValue?
    /// The kubeconfig user this plugin belongs to, for messages.
    public var userName: String
    /// Where the entry was read, for messages, e.g. `kubeconfig /x/config: users[0].user.exec`.
    public var source: String
    /// The limit for one run of the plugin; it is killed when this passes. Default: 60 s.
    public var timeout: Duration

    /// Creates a plugin entry; every parameter but `command` has a default.
    public init(
        command: String, arguments: [String] = [], environment: [EnvironmentVariable] = [],
        apiVersion: String = ExecCredentialPlugin.v1, installHint: String? = nil, provideClusterInfo: Bool = false,
        interactiveMode: InteractiveMode = .never, clusterConfig: JSONValue? = nil, userName: String = "",
        source: String = "exec plugin", timeout: Duration = .seconds(60)
    ) {
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.apiVersion = apiVersion
        self.installHint = installHint
        self.provideClusterInfo = provideClusterInfo
        self.interactiveMode = interactiveMode
        self.clusterConfig = clusterConfig
        self.userName = userName
        self.source = source
        self.timeout = timeout
    }

    /// `user "NAME" exec plugin "COMMAND"`, the phrase every plugin error starts with.
    var label: String {
        let user = userName.isEmpty ? "" : "user \"\(userName)\" "
        return "\(source): \(user)exec plugin \"\(command)\""
    }
}
