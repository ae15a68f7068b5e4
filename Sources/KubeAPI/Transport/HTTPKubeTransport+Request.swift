import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

extension HTTPKubeTransport {
    /// The AsyncHTTPClient request for `request`: the server-name rewrite applied and, when an exec plugin is
    /// configured and the request carries no `Authorization` header, the plugin's credential added.
    ///
    /// - Returns: the request and the generation of the exec credential it carries, if any.
    /// - Throws: the plugin's ``KubeAPIError``.
    func prepare(_ request: KubeRequest) async throws -> (HTTPClientRequest, Int?) {
        var url = request.url
        if let serverName, let rewritten = serverName.rewrite(url) { url = rewritten }
        var out = HTTPClientRequest(url: url)
        out.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { out.headers.add(name: header.name, value: header.value) }
        if let serverName, url != request.url, !out.headers.contains(name: "Host") {
            out.headers.add(name: "Host", value: serverName.hostHeader)
        }
        if let body = request.body { out.body = .bytes(ByteBuffer(bytes: body)) }
        guard let exec, !out.headers.contains(name: "Authorization") else { return (out, nil) }
        let issued = try await exec.credential()
        if let token = issued.credential.token { out.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if !hasStaticClientCertificate, let certificate = issued.credential.clientCertificatePEM,
            let key = issued.credential.clientKeyPEM
        {
            out.tlsConfiguration = try tlsConfiguration(for: issued.generation, certificate: certificate, key: key)
        }
        return (out, issued.generation)
    }

    /// The TLS configuration with an exec plugin's client certificate, built once per credential so that
    /// AsyncHTTPClient's connection pool (keyed by TLS configuration) reuses connections until the certificate
    /// changes.
    private func tlsConfiguration(for generation: Int, certificate: [UInt8], key: [UInt8]) throws(KubeAPIError)
        -> TLSConfiguration
    {
        if let cached = execTLS.withLock({ $0 }), cached.generation == generation { return cached.tls }
        var configuration = tls
        try Self.setIdentity(&configuration, certificate: certificate, key: key, what: "\(execLabel): returned")
        execTLS.withLock { $0 = (generation, configuration) }
        return configuration
    }

    /// Sets the client certificate chain and key of `tls`.
    ///
    /// - Throws: ``KubeAPIError/Code/config`` starting with `what` when either is not valid PEM.
    static func setIdentity(_ tls: inout TLSConfiguration, certificate: [UInt8], key: [UInt8], what: String)
        throws(KubeAPIError)
    {
        do {
            tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(certificate).map { .certificate($0) }
        } catch {
            throw .config("\(what) client certificate: not a valid PEM certificate", cause: error)
        }
        guard !tls.certificateChain.isEmpty else {
            throw .config("\(what) client certificate: no PEM certificate found")
        }
        do {
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
        } catch {
            throw .config("\(what) client key: not a valid PEM private key", cause: error)
        }
    }

    /// AsyncHTTPClient's proxy setting for a parsed `proxy-url`.
    static func proxy(_ url: ProxyURL) -> HTTPClient.Configuration.Proxy {
        switch url.kind {
        case .http:
            let authorization = url.username.map {
                HTTPClient.Authorization.basic(username: $0, password: url.password ?? "")
            }
            return .server(host: url.host, port: url.port, authorization: authorization)
        case .socks5:
            return .socksServer(host: url.host, port: url.port)
        }
    }

    /// A duration in seconds, for `Date` arithmetic.
    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
