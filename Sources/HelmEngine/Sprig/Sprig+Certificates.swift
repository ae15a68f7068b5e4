import Crypto
import Foundation
import GoTemplate
import SwiftASN1
import X509
import _CryptoExtras

// Sprig's key and certificate generators (crypto.go) over swift-crypto and swift-certificates.
// Keys and certificates are PEM-encoded as Go's `encoding/pem` writes them.
extension Sprig {
    static let certificateFunctions: [String: TemplateFunction] = [
        "genPrivateKey": function([.string]) { a in .string(generatePrivateKey(a[0].stringArgument)) },
        "buildCustomCert": function([.string, .string]) { a in
            try .object(buildCustomCertificate(a[0].stringArgument, a[1].stringArgument))
        },
        "genCA": function([.string, .int]) { a in
            try .object(generateCA(a[0].stringArgument, days: a[1].intArgument, key: newRSAKey()))
        },
        "genCAWithKey": function([.string, .int, .string]) { a in
            try .object(
                generateCA(a[0].stringArgument, days: a[1].intArgument, key: parsePrivateKey(a[2].stringArgument)))
        },
        "genSelfSignedCert": function([.string, .list, .list, .int]) { a in
            try .object(selfSigned(a, key: newRSAKey()))
        },
        "genSelfSignedCertWithKey": function([.string, .list, .list, .int, .string]) { a in
            try .object(selfSigned(a, key: parsePrivateKey(a[4].stringArgument)))
        },
        "genSignedCert": function([.string, .list, .list, .int, .any]) { a in
            try .object(signed(a, key: newRSAKey()))
        },
        "genSignedCertWithKey": function([.string, .list, .list, .int, .any, .string]) { a in
            try .object(signed(a, key: parsePrivateKey(a[5].stringArgument)))
        },
    ]

    /// Go's `pem.EncodeToMemory`: base64 in 64-column lines between BEGIN/END markers.
    static func pem(_ type: String, _ der: [UInt8]) -> String {
        let base64 = Data(der).base64EncodedString()
        var lines: [Substring] = []
        var rest = Substring(base64)
        while !rest.isEmpty {
            lines.append(rest.prefix(64))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN \(type)-----\n" + lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
            + "-----END \(type)-----\n"
    }

    /// A private key as Sprig's `pemBlockForKey` writes it: PKCS#1 for RSA, SEC1 for ECDSA,
    /// PKCS#8 for Ed25519.
    static func pemForKey(_ key: Certificate.PrivateKey, raw: KeyMaterial) -> String {
        switch raw {
        case .rsa(let rsa): return pem("RSA PRIVATE KEY", Array(rsa.derRepresentation))
        case .p256(let ec):
            // SEC1 ECPrivateKey: version 1, the scalar, the curve OID (prime256v1), the public point.
            let scalar = Array(ec.rawRepresentation)
            let point = Array(ec.publicKey.x963Representation)
            let der: [UInt8] =
                [0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20] + scalar
                + [
                    0xA0, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0xA1, 0x44, 0x03, 0x42,
                    0x00,
                ]
                + point
            return pem("EC PRIVATE KEY", der)
        case .ed25519(let ed):
            let der: [UInt8] =
                [
                    0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22,
                    0x04, 0x20,
                ] + Array(ed.rawRepresentation)
            return pem("PRIVATE KEY", der)
        case .other:
            return (try? key.serializeAsPEM().pemString).map { $0 + "\n" } ?? ""
        }
    }

    /// The concrete key behind a `Certificate.PrivateKey`, for re-encoding it as Go does.
    enum KeyMaterial {
        case rsa(_RSA.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
        case other
    }

    struct SigningKey {
        var key: Certificate.PrivateKey
        var material: KeyMaterial
    }

    static func generatePrivateKey(_ type: String) -> String {
        do {
            switch type {
            case "", "rsa":
                let key = try _RSA.Signing.PrivateKey(keySize: .bits4096)
                return pemForKey(Certificate.PrivateKey(key), raw: .rsa(key))
            case "ecdsa":
                let key = P256.Signing.PrivateKey()
                return pemForKey(Certificate.PrivateKey(key), raw: .p256(key))
            case "ed25519":
                let key = Curve25519.Signing.PrivateKey()
                return pemForKey(Certificate.PrivateKey(key), raw: .ed25519(key))
            case "dsa":
                return "failed to generate private key: DSA keys are not supported by fluxhelm"
            default:
                return "Unknown type \(type)"
            }
        } catch {
            return "failed to generate private key: \(error)"
        }
    }

    static func newRSAKey() throws -> SigningKey {
        do {
            let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            return SigningKey(key: Certificate.PrivateKey(key), material: .rsa(key))
        } catch {
            throw failure("error generating rsa key: \(error)")
        }
    }

    /// Sprig's `parsePrivateKeyPEM` for the `...WithKey` functions.
    static func parsePrivateKey(_ text: String) throws -> SigningKey {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: text)
        } catch {
            throw failure("parsing private key: no PEM data in input")
        }
        let type = document.discriminator
        guard type == "PRIVATE KEY" || type.hasSuffix(" PRIVATE KEY") else {
            throw failure("parsing private key: no private key data in PEM block of type \(type)")
        }
        do {
            switch type {
            case "RSA PRIVATE KEY":
                let rsa = try _RSA.Signing.PrivateKey(derRepresentation: document.derBytes)
                return SigningKey(key: Certificate.PrivateKey(rsa), material: .rsa(rsa))
            case "EC PRIVATE KEY":
                let ec = try P256.Signing.PrivateKey(derRepresentation: document.derBytes)
                return SigningKey(key: Certificate.PrivateKey(ec), material: .p256(ec))
            case "PRIVATE KEY":
                let bytes = document.derBytes
                if bytes.count == 48, bytes[9...11].elementsEqual([0x2B, 0x65, 0x70]) {
                    let ed = try Curve25519.Signing.PrivateKey(rawRepresentation: bytes[16...])
                    return SigningKey(key: Certificate.PrivateKey(ed), material: .ed25519(ed))
                }
                if let rsa = try? _RSA.Signing.PrivateKey(derRepresentation: bytes) {
                    return SigningKey(key: Certificate.PrivateKey(rsa), material: .rsa(rsa))
                }
                if let ec = try? P256.Signing.PrivateKey(derRepresentation: bytes) {
                    return SigningKey(key: Certificate.PrivateKey(ec), material: .p256(ec))
                }
                return SigningKey(key: try Certificate.PrivateKey(derBytes: bytes), material: .other)
            default:
                throw failure("parsing private key: invalid private key type \(type)")
            }
        } catch let error as TemplateFunctionError {
            throw error
        } catch {
            throw failure("parsing private key: \(error)")
        }
    }

    static func buildCustomCertificate(_ b64cert: String, _ b64key: String) throws -> SprigCertificate {
        guard case .success(let cert) = GoBase.decode64(Array(b64cert.utf8)) else {
            throw failure("unable to decode base64 certificate")
        }
        guard case .success(let key) = GoBase.decode64(Array(b64key.utf8)) else {
            throw failure("unable to decode base64 private key")
        }
        let certText = String(decoding: cert, as: UTF8.self)
        let keyText = String(decoding: key, as: UTF8.self)
        guard let document = try? PEMDocument(pemString: certText) else {
            throw failure("unable to decode certificate")
        }
        do {
            _ = try Certificate(derEncoded: document.derBytes)
        } catch {
            throw failure("error parsing certificate: decodedCert.Bytes: \(error)")
        }
        do {
            _ = try parsePrivateKey(keyText)
        } catch let error as TemplateFunctionError {
            throw failure(
                "error parsing private key: "
                    + error.message.replacingOccurrences(of: "parsing private key: ", with: ""))
        }
        return SprigCertificate(cert: certText, key: keyText)
    }

    static func generateCA(_ commonName: String, days: Int, key: SigningKey) throws -> SprigCertificate {
        try makeCertificate(
            commonName: commonName, ips: [], dnsNames: [], days: days, isCA: true, key: key, issuer: nil)
    }

    static func selfSigned(_ a: [Value], key: SigningKey) throws -> SprigCertificate {
        try makeCertificate(
            commonName: a[0].stringArgument, ips: try ipAddresses(a[1]), dnsNames: try dnsNames(a[2]),
            days: a[3].intArgument, isCA: false, key: key, issuer: nil)
    }

    static func signed(_ a: [Value], key: SigningKey) throws -> SprigCertificate {
        guard case .object(let object) = a[4], let ca = object as? SprigCertificate else {
            throw failure("wrong type for value; expected sprig.certificate; got \(a[4].goTypeName)")
        }
        guard let document = try? PEMDocument(pemString: ca.cert) else { throw failure("unable to decode certificate") }
        let signer: Certificate
        do {
            signer = try Certificate(derEncoded: document.derBytes)
        } catch {
            throw failure("error parsing certificate: decodedSignerCert.Bytes: \(error)")
        }
        let signerKey: SigningKey
        do {
            signerKey = try parsePrivateKey(ca.key)
        } catch let error as TemplateFunctionError {
            throw failure(
                "error parsing private key: "
                    + error.message.replacingOccurrences(of: "parsing private key: ", with: ""))
        }
        return try makeCertificate(
            commonName: a[0].stringArgument, ips: try ipAddresses(a[1]), dnsNames: try dnsNames(a[2]),
            days: a[3].intArgument, isCA: false, key: key, issuer: (signer, signerKey))
    }

    static func ipAddresses(_ value: Value) throws -> [[UInt8]] {
        try (value.sliceElements ?? []).map { item in
            guard case .string(let text) = item else {
                throw failure("error parsing ip: \(GoFormatter.format(item)) is not a string")
            }
            guard let bytes = GoIP.parse(text) else { throw failure("error parsing ip: \(text)") }
            return bytes
        }
    }

    static func dnsNames(_ value: Value) throws -> [String] {
        try (value.sliceElements ?? []).map { item in
            guard case .string(let text) = item else {
                throw failure("error processing alternate dns name: \(GoFormatter.format(item)) is not a string")
            }
            return text
        }
    }
}
