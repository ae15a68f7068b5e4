import Crypto
import Foundation
import HelmRepo
import NIOSSL
import SwiftASN1
import Testing
import X509

/// A self-signed certificate for 127.0.0.1 and its key, as PEM, made with swift-certificates.
struct TestIdentity {
    let certificatePEM: String
    let keyPEM: String

    init(commonName: String) throws {
        let key = P256.Signing.PrivateKey()
        let certificateKey = Certificate.PrivateKey(key)
        let name = try DistinguishedName { CommonName(commonName) }
        let now = Date()
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
            Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
            SubjectAlternativeNames([.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: certificateKey.publicKey,
            notValidBefore: now - 3600,
            notValidAfter: now + 3600,
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: certificateKey
        )
        certificatePEM = try certificate.serializeAsPEM().pemString
        keyPEM = key.pemRepresentation
    }

    func serverConfiguration(trustingClient client: TestIdentity? = nil) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem))
        )
        if let client {
            tls.certificateVerification = .noHostnameVerification
            tls.trustRoots = .certificates(
                [try NIOSSLCertificate(bytes: Array(client.certificatePEM.utf8), format: .pem)]
            )
        }
        return tls
    }
}

@Suite(.timeLimit(.minutes(1)))
struct TLSTests {
    @Test func testIndex_customCA_trustsServer() async throws {
        let server = try TestIdentity(commonName: "127.0.0.1")
        let fixture = RepoFixture()
        _ = try await demoRepository(fixture)
        try await withRepoServer(fixture, tls: try server.serverConfiguration()) { base in
            try await withTestClient { client, _ in
                let untrusted = await #expect(throws: RepoError.self) {
                    try await client.index(for: Repository(url: base))
                }
                #expect(untrusted?.code == .unreachable)
                let trusted = Repository(url: base, caCertificatesPEM: Array(server.certificatePEM.utf8))
                let fetched = try await client.fetchChart(named: "demo", from: trusted)
                #expect(fetched.chartVersion.version == "1.1.0")
                let insecure = Repository(url: base, insecureSkipTLSVerify: true)
                let index = try await client.index(for: insecure)
                #expect(index.entries["demo"]?.count == 2)
            }
        }
    }

    @Test func testIndex_clientCertificate_isPresented() async throws {
        let server = try TestIdentity(commonName: "127.0.0.1")
        let clientIdentity = try TestIdentity(commonName: "fluxhelm-client")
        let fixture = RepoFixture()
        _ = try await demoRepository(fixture)
        try await withRepoServer(fixture, tls: try server.serverConfiguration(trustingClient: clientIdentity)) { base in
            try await withTestClient { client, _ in
                let ca = Array(server.certificatePEM.utf8)
                let anonymous = await #expect(throws: RepoError.self) {
                    try await client.index(for: Repository(url: base, caCertificatesPEM: ca))
                }
                #expect(anonymous?.code == .unreachable)
                let withCertificate = Repository(
                    url: base,
                    caCertificatesPEM: ca,
                    clientCertificatePEM: Array(clientIdentity.certificatePEM.utf8),
                    clientKeyPEM: Array(clientIdentity.keyPEM.utf8)
                )
                let index = try await client.index(for: withCertificate)
                #expect(index.entries["demo"]?.count == 2)
            }
        }
    }
}
