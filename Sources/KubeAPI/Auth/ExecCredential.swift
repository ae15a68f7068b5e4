import Foundation

/// The credential an exec plugin printed: its `ExecCredential.status`.
struct ExecCredential: Sendable, Equatable {
    /// A bearer token, when the plugin returned one.
    var token: String?
    /// A PEM client certificate (chain) and its key, when the plugin returned them.
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: [UInt8]?
    /// When the credential stops being valid; `nil` means until the server rejects it.
    var expiration: Date?

    /// Parses a plugin's standard output as client-go does: the `apiVersion` must be the one the plugin was asked
    /// for, `kind` must be `ExecCredential`, and `status` must hold a token or a certificate and key pair.
    ///
    /// - Throws: ``KubeAPIError/Code/config`` whose message starts with the plugin's label.
    static func parse(_ output: [UInt8], plugin: ExecCredentialPlugin) throws(KubeAPIError) -> ExecCredential {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: output)
        } catch {
            let shown = output.isEmpty ? "printed nothing" : "printed something that is not JSON"
            throw .config("\(plugin.label): \(shown) (\(error.message))", cause: error)
        }
        guard document.objectValue != nil else {
            throw .config("\(plugin.label): printed JSON that is not an ExecCredential object")
        }
        let apiVersion = document["apiVersion"]?.stringValue ?? ""
        guard apiVersion == plugin.apiVersion else {
            throw .config(
                "\(plugin.label): is configured for API version \(plugin.apiVersion) but printed apiVersion "
                    + "\"\(apiVersion)\"")
        }
        let kind = document["kind"]?.stringValue ?? ""
        guard kind == "ExecCredential" else {
            throw .config("\(plugin.label): printed kind \"\(kind)\", expected ExecCredential")
        }
        guard let status = document["status"], status.objectValue != nil else {
            throw .config("\(plugin.label): printed an ExecCredential without a status")
        }
        var credential = ExecCredential()
        credential.token = try string(status, "token", plugin: plugin).flatMap { $0.isEmpty ? nil : $0 }
        let certificate = try string(status, "clientCertificateData", plugin: plugin).flatMap { $0.isEmpty ? nil : $0 }
        let key = try string(status, "clientKeyData", plugin: plugin).flatMap { $0.isEmpty ? nil : $0 }
        if (certificate == nil) != (key == nil) {
            throw .config(
                "\(plugin.label): returned \(certificate == nil ? "clientKeyData" : "clientCertificateData") without "
                    + "\(certificate == nil ? "clientCertificateData" : "clientKeyData")")
        }
        credential.clientCertificatePEM = certificate.map { Array($0.utf8) }
        credential.clientKeyPEM = key.map { Array($0.utf8) }
        guard credential.token != nil || credential.clientCertificatePEM != nil else {
            throw .config("\(plugin.label): returned neither a token nor a client certificate and key")
        }
        if let text = try string(status, "expirationTimestamp", plugin: plugin), !text.isEmpty {
            guard let date = parseTimestamp(text) else {
                throw .config("\(plugin.label): status.expirationTimestamp \"\(text)\" is not an RFC 3339 time")
            }
            credential.expiration = date
        }
        return credential
    }

    private static func string(_ status: JSONValue, _ key: String, plugin: ExecCredentialPlugin)
        throws(KubeAPIError) -> String?
    {
        guard let value = status[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw .config("\(plugin.label): status.\(key) is not a string") }
        return text
    }

    /// Parses an RFC 3339 time (`2026-01-02T03:04:05Z`, with optional fraction and offset), as Go's
    /// `metav1.Time` accepts.
    static func parseTimestamp(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Whether the credential has expired at `now`.
    func isExpired(at now: Date) -> Bool {
        guard let expiration else { return false }
        return now >= expiration
    }
}

/// The cluster settings an exec plugin may ask for (`provideClusterInfo`), as `spec.cluster` of the
/// `ExecCredential` in `KUBERNETES_EXEC_INFO`.
struct ExecClusterInfo: Sendable, Hashable {
    var server: String
    var tlsServerName: String?
    var insecureSkipTLSVerify: Bool
    var certificateAuthorityPEM: [UInt8]?
    var proxyURL: String?
    var disableCompression: Bool

    init(_ config: KubeConfig) {
        server = config.server
        tlsServerName = config.tlsServerName
        insecureSkipTLSVerify = config.insecureSkipTLSVerify
        certificateAuthorityPEM = config.certificateAuthorityPEM
        proxyURL = config.proxyURL
        disableCompression = config.disableCompression
    }

    /// The `KUBERNETES_EXEC_INFO` value for `plugin`: always `spec.interactive` (false: fluxhelm has no terminal
    /// for plugins), and `spec.cluster` when the plugin asked for cluster information.
    static func execInfo(plugin: ExecCredentialPlugin, cluster: ExecClusterInfo?) -> String {
        var spec: [String: JSONValue] = ["interactive": false]
        if plugin.provideClusterInfo, let cluster {
            var fields: [String: JSONValue] = ["server": .string(cluster.server)]
            if let name = cluster.tlsServerName, !name.isEmpty { fields["tls-server-name"] = .string(name) }
            if cluster.insecureSkipTLSVerify { fields["insecure-skip-tls-verify"] = true }
            if let ca = cluster.certificateAuthorityPEM {
                // Go encodes []byte as base64 in JSON.
                fields["certificate-authority-data"] = .string(Data(ca).base64EncodedString())
            }
            if let proxy = cluster.proxyURL, !proxy.isEmpty { fields["proxy-url"] = .string(proxy) }
            if cluster.disableCompression { fields["disable-compression"] = true }
            if let config = plugin.clusterConfig { fields["config"] = config }
            spec["cluster"] = .object(fields)
        }
        let document: JSONValue = [
            "apiVersion": .string(plugin.apiVersion), "kind": "ExecCredential", "spec": .object(spec),
        ]
        return document.serializedString()
    }
}
