import Crypto
import Foundation
import KubeTestServer
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SwiftASN1
import Synchronization
import Testing
import X509

@testable import KubeAPI

/// `tls-server-name`: the name is sent as SNI and the server certificate is verified against it, while the
/// connection and the `Host` header keep the server URL's host.
@Suite(.timeLimit(.minutes(1)))
struct TransportServerNameTests {
    @Test func testServerName_verifiedAgainstNameAndSentAsSNI() async throws {
        let certificates = try NamedCertificates(dnsName: "kube.internal")
        try await RecordingTLSServer.withServer(certificates) { server in
            var config = KubeConfig(
                server: "https://127.0.0.1:\(server.port)", certificateAuthorityPEM: Array(certificates.caPEM.utf8))
            config.tlsServerName = "kube.internal"
            let transport = try HTTPKubeTransport(config: config)
            let response = try await transport.send(
                KubeRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/api?x=1"), timeout: .seconds(20),
                maximumBodyBytes: 1 << 20)
            #expect(response.status == 200)
            #expect(server.serverNames == ["kube.internal"])
            #expect(server.hosts == ["127.0.0.1:\(server.port)"])
            #expect(server.paths == ["/api?x=1"])
            try await transport.shutdown()
        }
    }

    @Test func testServerName_absentFailsBecauseTheCertificateNamesOnlyTheServerName() async throws {
        let certificates = try NamedCertificates(dnsName: "kube.internal")
        try await RecordingTLSServer.withServer(certificates) { server in
            let config = KubeConfig(
                server: "https://127.0.0.1:\(server.port)", certificateAuthorityPEM: Array(certificates.caPEM.utf8))
            let error = await Self.failure(config, url: "https://127.0.0.1:\(server.port)/api")
            #expect(error?.code == .tls)
        }
    }

    @Test func testServerName_otherNameFailsVerification() async throws {
        let certificates = try NamedCertificates(dnsName: "kube.internal")
        try await RecordingTLSServer.withServer(certificates) { server in
            var config = KubeConfig(
                server: "https://127.0.0.1:\(server.port)", certificateAuthorityPEM: Array(certificates.caPEM.utf8))
            config.tlsServerName = "other.internal"
            let error = await Self.failure(config, url: "https://127.0.0.1:\(server.port)/api")
            #expect(error?.code == .tls)
            #expect(error?.message.contains("https://127.0.0.1:\(server.port)/api") == true)
            #expect(server.serverNames == ["other.internal"])
        }
    }

    @Test func testServerName_worksAgainstKubeTestServer() async throws {
        try await KubeTestServer.withServer(configuration: .init(tls: .serverOnly)) { server in
            // KubeTestServer's certificate names 127.0.0.1 and localhost.
            var config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            config.tlsServerName = "localhost"
            try await withKubeClient(config: config) { client in
                _ = try await client.list(.configMap, namespace: "default")
            }
            // NIOSSL also accepts a certificate whose IP address SAN is the address it connected to, whatever
            // the server name; KubeTestServer's certificate names 127.0.0.1, so a wrong name cannot fail here
            // (the RecordingTLSServer tests above check rejection with a DNS-only certificate).
            config.tlsServerName = "kube.internal"
            try await withKubeClient(config: config) { client in
                _ = try await client.serverGroups()
            }
        }
    }

    static func failure(_ config: KubeConfig, url: String) async -> KubeAPIError? {
        do {
            let transport = try HTTPKubeTransport(config: config)
            do {
                _ = try await transport.send(
                    KubeRequest(method: "GET", url: url), timeout: .seconds(20), maximumBodyBytes: 1 << 20)
            } catch let error as KubeAPIError {
                try? await transport.shutdown()
                return error
            }
            try? await transport.shutdown()
            return nil
        } catch {
            return error as? KubeAPIError
        }
    }

    @Test func testOverride_rewritesOnlyTheServersURLs() throws {
        let override = try #require(
            try ServerNameOverride(server: "https://10.0.0.1:6443", serverName: "kube.internal", source: "test"))
        #expect(override.rewrite("https://10.0.0.1:6443/api/v1?watch=1") == "https://kube.internal:6443/api/v1?watch=1")
        #expect(override.rewrite("https://10.0.0.1:6443") == "https://kube.internal:6443")
        #expect(override.rewrite("https://10.0.0.1:64430/api") == nil)
        #expect(override.hostHeader == "10.0.0.1:6443")
        #expect(override.dnsOverride == ["kube.internal": "10.0.0.1"])

        let v6 = try #require(try ServerNameOverride(server: "https://[fd00::1]/", serverName: "k", source: "test"))
        #expect(v6.rewrite("https://[fd00::1]/api") == "https://k/api")
        #expect(v6.dnsOverride == ["k": "fd00::1"])
        #expect(v6.hostHeader == "[fd00::1]")

        #expect(
            try ServerNameOverride(server: "https://Kube.Internal:443", serverName: "kube.internal", source: "t") == nil
        )
        #expect(try ServerNameOverride(server: "http://10.0.0.1", serverName: "kube.internal", source: "t") == nil)
        #expect(throws: KubeAPIError(code: .config, message: "")) {
            _ = try ServerNameOverride(server: "https://h", serverName: "10.0.0.2", source: "t")
        }
    }
}

/// A throwaway CA and a server certificate whose only subject alternative name is one DNS name.
struct NamedCertificates: Sendable {
    var caPEM: String
    var certificate: NIOSSLCertificate
    var key: NIOSSLPrivateKey

    init(dnsName: String, now: Date = Date()) throws {
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName("kubeapi-test-ca") }
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(caKey.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(86400), issuer: caName,
            subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))
        let leafKey = P256.Signing.PrivateKey()
        let leaf = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(leafKey.publicKey), notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(86400), issuer: caName,
            subject: try DistinguishedName { CommonName(dnsName) }, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([.dnsName(dnsName)])
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))
        caPEM = try ca.serializeAsPEM().pemString
        certificate = try NIOSSLCertificate(bytes: Array(try leaf.serializeAsPEM().pemString.utf8), format: .pem)
        key = try NIOSSLPrivateKey(bytes: Array(leafKey.pemRepresentation.utf8), format: .pem)
    }
}

/// An HTTPS server on 127.0.0.1 that answers every request with a small JSON body and records the SNI name of
/// each handshake and the `Host` header and path of each request.
final class RecordingTLSServer: Sendable {
    private struct Record {
        var serverNames: [String?] = []
        var hosts: [String] = []
        var paths: [String] = []
    }
    private let record = Mutex(Record())
    private let boundPort = Mutex(0)

    /// The port the server listens on.
    var port: Int { boundPort.withLock { $0 } }
    var serverNames: [String?] { record.withLock { $0.serverNames } }
    var hosts: [String] { record.withLock { $0.hosts } }
    var paths: [String] { record.withLock { $0.paths } }

    private init() {}

    static func withServer<T: Sendable>(
        _ certificates: NamedCertificates, _ body: (RecordingTLSServer) async throws -> T
    ) async throws -> T {
        let server = RecordingTLSServer()
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(certificates.certificate)], privateKey: .privateKey(certificates.key))
        tls.sslContextCallback = { values, promise in
            server.record.withLock { $0.serverNames.append(values.serverHostname) }
            promise.succeed(NIOSSLContextConfigurationOverride())
        }
        let context = try NIOSSLContext(configuration: tls)
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: child)
                }
            }
        server.boundPort.withLock { $0 = listener.channel.localAddress?.port ?? 0 }
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask {
                try await listener.executeThenClose { inbound in
                    try await withThrowingDiscardingTaskGroup { connections in
                        for try await connection in inbound {
                            connections.addTask { try? await server.serve(connection) }
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            return try await body(server)
        }
    }

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            for try await part in inbound {
                switch part {
                case .head(let head):
                    record.withLock {
                        $0.hosts.append(head.headers["host"].first ?? "")
                        $0.paths.append(head.uri)
                    }
                case .body:
                    break
                case .end:
                    let body = ByteBuffer(string: #"{"kind":"APIVersions","versions":["v1"]}"#)
                    var headers = HTTPHeaders()
                    headers.add(name: "Content-Type", value: "application/json")
                    headers.add(name: "Content-Length", value: "\(body.readableBytes)")
                    try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)))
                    try await outbound.write(.body(.byteBuffer(body)))
                    try await outbound.write(.end(nil))
                }
            }
        }
    }
}
