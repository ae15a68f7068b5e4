import Crypto
import Foundation
import GoTemplate
import SwiftASN1
import Testing
import X509
import _CryptoExtras

@testable import HelmEngine

/// Crypto functions whose output is random are checked by properties: the PEM parses, the
/// certificate carries what Sprig puts in it, and signatures verify.
struct SprigCryptoTests {
    func certificate(_ value: Value) throws -> (cert: Certificate, key: String) {
        guard case .object(let object) = value, let pair = object as? SprigCertificate else {
            throw TemplateFunctionError("not a certificate: \(value)")
        }
        return (try Certificate(pemEncoded: pair.cert), pair.key)
    }

    @Test(.timeLimit(.minutes(5)))
    func testGenCA_isSelfSignedCertificateAuthority() throws {
        let (ca, key) = try certificate(try sprig("genCA", .string("my-ca"), .int(365)))
        #expect(ca.subject.description == "CN=my-ca")
        #expect(ca.issuer == ca.subject)
        let constraints = try #require(try ca.extensions.basicConstraints)
        #expect(constraints == .isCertificateAuthority(maxPathLength: nil))
        #expect(try ca.extensions.keyUsage?.keyCertSign == true)
        #expect(ca.publicKey.isValidSignature(ca.signature, for: ca))
        #expect(key.hasPrefix("-----BEGIN RSA PRIVATE KEY-----\n"))
        #expect(key.hasSuffix("-----END RSA PRIVATE KEY-----\n"))
        let parsed = try Certificate.PrivateKey(pemEncoded: key)
        #expect(parsed.publicKey == ca.publicKey)
        let days = ca.notValidAfter.timeIntervalSince(ca.notValidBefore) / 86_400
        #expect(days > 364.9 && days < 365.1)
    }

    @Test(.timeLimit(.minutes(5)))
    func testGenSignedCert_isSignedByCAWithSANs() throws {
        let caValue = try sprig("genCA", .string("ca"), .int(30))
        let (ca, _) = try certificate(caValue)
        let (leaf, key) = try certificate(
            try sprig(
                "genSignedCert", .string("svc"), .list([.string("10.0.0.1"), .string("::1")]),
                .list([.string("svc.local")]), .int(10), caValue))
        #expect(leaf.issuer == ca.subject)
        #expect(ca.publicKey.isValidSignature(leaf.signature, for: leaf))
        let names = try #require(try leaf.extensions.subjectAlternativeNames)
        #expect(names.contains(.dnsName("svc.local")))
        #expect(names.contains(.ipAddress(ASN1OctetString(contentBytes: [10, 0, 0, 1]))))
        #expect(try leaf.extensions.basicConstraints == .notCertificateAuthority)
        #expect(try Certificate.PrivateKey(pemEncoded: key).publicKey == leaf.publicKey)
    }

    @Test(.timeLimit(.minutes(5)), arguments: ["ecdsa", "ed25519"])
    func testGenSelfSignedCertWithKey_keepsTheKey(type: String) throws {
        let keyPEM = printed(try sprig("genPrivateKey", .string(type)))
        let (cert, key) = try certificate(
            try sprig(
                "genSelfSignedCertWithKey", .string("x"), .list([]), .list([.string("a.b")]), .int(1), .string(keyPEM)))
        #expect(key == keyPEM)
        #expect(cert.publicKey.isValidSignature(cert.signature, for: cert))
        #expect(try Certificate.PrivateKey(pemEncoded: keyPEM).publicKey == cert.publicKey)
    }

    @Test(.timeLimit(.minutes(5)))
    func testGenPrivateKey_writesGoPEMBlocks() throws {
        let ec = printed(try sprig("genPrivateKey", .string("ecdsa")))
        #expect(ec.hasPrefix("-----BEGIN EC PRIVATE KEY-----\n"))
        _ = try P256.Signing.PrivateKey(pemRepresentation: ec)
        let ed = printed(try sprig("genPrivateKey", .string("ed25519")))
        #expect(ed.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        _ = try Certificate.PrivateKey(pemEncoded: ed)
        let rsa = printed(try sprig("genPrivateKey", .string("rsa")))
        let rsaKey = try _RSA.Signing.PrivateKey(pemRepresentation: rsa)
        #expect(rsaKey.keySizeInBits == 4096)
        #expect(rsa.split(separator: "\n").dropFirst().dropLast().allSatisfy { $0.count <= 64 })
        #expect(printed(try sprig("genPrivateKey", .string("foo"))) == "Unknown type foo")
    }

    @Test func testDecryptAES_readsHelmCiphertext() throws {
        // Produced by Helm's engine: {{ encryptAES "secretkey" "hello world" }}.
        let plain = try sprig(
            "decryptAES", .string("secretkey"), .string("lbzraZ2rgdLMDi6djtp8eTuj+qTBRPHLoKftl1Pxkb8="))
        #expect(printed(plain) == "hello world")
    }

    @Test func testEncryptAES_roundTripsWithRandomIV() throws {
        let a = printed(try sprig("encryptAES", .string("k"), .string("text")))
        let b = printed(try sprig("encryptAES", .string("k"), .string("text")))
        #expect(a != b)
        #expect(printed(try sprig("decryptAES", .string("k"), .string(a))) == "text")
    }

    @Test(.timeLimit(.minutes(5)))
    func testDerivePassword_matchesHelm() throws {
        // Outputs of Helm's engine for the same calls.
        #expect(
            printed(
                try sprig(
                    "derivePassword", .int(1), .string("long"), .string("password"), .string("user"),
                    .string("example.com"))) == "ZedaFaxcZaso9*")
        #expect(
            printed(
                try sprig(
                    "derivePassword", .int(1), .string("maximum"), .string("pw"), .string("u"),
                    .string("s"))) == "o2-3WFZN4Khgl8(&IuEk")
        #expect(
            printed(
                try sprig(
                    "derivePassword", .int(3), .string("pin"), .string("x"), .string("y"),
                    .string("z"))) == "4234")
    }

    @Test(.timeLimit(.minutes(5)))
    func testHtpasswd_verifiesWithBcrypt() throws {
        let line = printed(try sprig("htpasswd", .string("user"), .string("pass")))
        let parts = line.split(separator: ":", maxSplits: 1)
        #expect(parts.first == "user")
        let hash = String(parts[1])
        #expect(hash.hasPrefix("$2a$10$") && hash.count == 60)
        let salt = try #require(Bcrypt.decode(String(hash.dropFirst(7).prefix(22))))
        #expect(try Bcrypt.hash(Array("pass".utf8), cost: 10, salt: Array(salt.prefix(16))) == hash)
    }
}
