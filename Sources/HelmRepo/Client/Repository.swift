import Foundation

/// A chart repository to read: its URL and how to authenticate and verify it (Helm's `repo.Entry`).
///
/// Credentials are sent only to the repository's own host and port unless ``passCredentialsToAllHosts``
/// is set, as Helm's `--pass-credentials` does, so a chart URL on another host never sees them.
public struct Repository: Sendable, Hashable {
    /// The repository URL (`https://charts.example.com/stable`); a trailing slash is optional.
    public var url: String
    /// The basic-auth username, or `nil` for none.
    public var username: String?
    /// The basic-auth password, or `nil` for none.
    public var password: String?
    /// Also send credentials to hosts other than the repository's (default `false`).
    public var passCredentialsToAllHosts: Bool
    /// PEM bytes of the CA certificates to trust instead of the system roots (Helm's `--ca-file`), or `nil`.
    public var caCertificatesPEM: [UInt8]?
    /// PEM bytes of the client certificate chain (Helm's `--cert-file`), or `nil`.
    public var clientCertificatePEM: [UInt8]?
    /// PEM bytes of the client private key (Helm's `--key-file`), or `nil`.
    public var clientKeyPEM: [UInt8]?
    /// Skip verifying the server certificate (Helm's `--insecure-skip-tls-verify`; default `false`).
    public var insecureSkipTLSVerify: Bool

    /// Creates a repository description.
    public init(
        url: String,
        username: String? = nil,
        password: String? = nil,
        passCredentialsToAllHosts: Bool = false,
        caCertificatesPEM: [UInt8]? = nil,
        clientCertificatePEM: [UInt8]? = nil,
        clientKeyPEM: [UInt8]? = nil,
        insecureSkipTLSVerify: Bool = false
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.passCredentialsToAllHosts = passCredentialsToAllHosts
        self.caCertificatesPEM = caCertificatesPEM
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
    }

    /// Reads a PEM file (CA bundle, certificate or key) for the fields above, refusing files over 1 MiB.
    ///
    /// - Parameter path: The file path.
    /// - Returns: The file's bytes.
    /// - Throws: ``RepoError/Code/tls`` naming the file if it cannot be read or is too large.
    public static func readPEMFile(_ path: String) throws(RepoError) -> [UInt8] {
        let limit = 1 << 20
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .tls("cannot open \(path)") }
        defer { try? handle.close() }
        let data: Data?
        do { data = try handle.read(upToCount: limit + 1) } catch {
            throw .tls("cannot read \(path)", cause: SendableDescription(error))
        }
        let bytes = [UInt8](data ?? Data())
        guard bytes.count <= limit else { throw .tls("\(path) is larger than \(limit) bytes") }
        return bytes
    }

    /// The URL of `index.yaml` (Helm's `ResolveReferenceURL(url, "index.yaml")`).
    public var indexURL: String {
        get throws(RepoError) { try URLResolution.resolve("index.yaml", against: url) }
    }
}
