/// The Kubernetes version an API server reports at `/version` (`version.Info` in client-go).
public struct ServerVersion: Sendable, Hashable {
    /// The major version, such as `1`.
    public var major: String
    /// The minor version, such as `34` (providers sometimes append `+`).
    public var minor: String
    /// The full version, such as `v1.34.2-gke.1000`.
    public var gitVersion: String

    /// Creates a version from its parts.
    public init(major: String, minor: String, gitVersion: String) {
        self.major = major
        self.minor = minor
        self.gitVersion = gitVersion
    }
}

extension KubeClient {
    /// The server's version from `/version`, as Helm reads it to fill `.Capabilities.KubeVersion`.
    ///
    /// - Parameter timeout: the limit for the call. Default: ``Configuration/timeout``.
    /// - Throws: ``KubeAPIError``.
    public func serverVersion(timeout: Duration? = nil) async throws -> ServerVersion {
        let info = try await getJSON(APICall(method: "GET", path: "/version", action: "get server version"), timeout)
        return ServerVersion(
            major: info["major"]?.stringValue ?? "", minor: info["minor"]?.stringValue ?? "",
            gitVersion: info["gitVersion"]?.stringValue ?? "")
    }
}
