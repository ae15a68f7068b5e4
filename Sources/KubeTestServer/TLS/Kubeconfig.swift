import Foundation

/// The kubeconfig a ``KubeTestServer`` writes for clients and the CLI.
enum Kubeconfig {
    /// YAML with cluster, user and context `kubetestserver` (current context, namespace `default`).
    static func render(for server: KubeTestServer) -> String {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        var cluster = "    server: \(server.baseURL)\n"
        if let ca = server.caCertificatePEM { cluster += "    certificate-authority-data: \(base64(ca))\n" }
        var user = ""
        if let token = server.configuration.bearerToken { user += "    token: \(quoted(token))\n" }
        if let client = server.clientCertificate() {
            user += "    client-certificate-data: \(base64(client.certPEM))\n"
            user += "    client-key-data: \(base64(client.keyPEM))\n"
        }
        return """
            apiVersion: v1
            kind: Config
            clusters:
            - name: kubetestserver
              cluster:
            \(cluster)contexts:
            - name: kubetestserver
              context:
                cluster: kubetestserver
                user: kubetestserver
                namespace: default
            current-context: kubetestserver
            users:
            - name: kubetestserver
              user:\(user.isEmpty ? " {}\n" : "\n" + user)preferences: {}

            """
    }

    /// A YAML double-quoted scalar.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
