import Foundation

extension KubeConfig {
    /// The directory where Kubernetes mounts a pod's service-account credentials.
    public static let serviceAccountDirectory = "var/run/secrets/kubernetes.io/serviceaccount"

    /// Settings for a client running inside a pod, from its service account, as client-go's `InClusterConfig`.
    ///
    /// Reads `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT`, and under
    /// `<root>/var/run/secrets/kubernetes.io/serviceaccount/` the `ca.crt` bundle, the `namespace` (default
    /// `default` when the file is absent) and the `token`, which is set as ``tokenFile`` so it is re-read when the
    /// kubelet rotates it.
    ///
    /// - Parameters:
    ///   - root: the file-system root; tests pass a temporary directory. Default: `/`.
    ///   - environment: the process environment.
    /// - Throws: ``KubeAPIError/Code/config`` naming the variable or file that is missing.
    public static func inCluster(root: String = "/", environment: [String: String]) throws(KubeAPIError)
        -> KubeConfig
    {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty else {
            throw .config("in-cluster configuration: KUBERNETES_SERVICE_HOST is not set (not running in a pod?)")
        }
        guard let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty else {
            throw .config("in-cluster configuration: KUBERNETES_SERVICE_PORT is not set")
        }
        guard let portNumber = Int(port), (1...65535).contains(portNumber) else {
            throw .config("in-cluster configuration: KUBERNETES_SERVICE_PORT=\(port) is not a port number")
        }
        let directory = FileReader.resolve(serviceAccountDirectory, against: root)
        let tokenPath = "\(directory)/token"
        let caPath = "\(directory)/ca.crt"
        // Read the token once now, so a missing or empty token fails at start-up, not on the first call.
        let token = try FileReader.read(tokenPath, what: "in-cluster configuration: service-account token")
        if String(decoding: token, as: UTF8.self).allSatisfy(\.isWhitespace) {
            throw .config("in-cluster configuration: service-account token \(tokenPath) is empty")
        }
        let ca = try FileReader.read(caPath, what: "in-cluster configuration: CA bundle")
        var namespace = "default"
        let namespacePath = "\(directory)/namespace"
        if FileReader.exists(namespacePath) {
            let text = String(decoding: try FileReader.read(namespacePath, what: "in-cluster namespace"), as: UTF8.self)
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { namespace = trimmed }
        }
        // IPv6 hosts need brackets in a URL.
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return KubeConfig(
            server: "https://\(hostPart):\(portNumber)", namespace: namespace, certificateAuthorityPEM: ca,
            tokenFile: tokenPath, source: "in-cluster")
    }
}
