import Crypto
import Foundation
public import GoTemplate
import SwiftASN1
import X509

/// Sprig's `certificate` struct: a PEM certificate and its PEM private key, as `genCA`,
/// `genSelfSignedCert`, `genSignedCert` and `buildCustomCert` return them (`$ca.Cert`, `$ca.Key`).
public struct SprigCertificate: GoObject, Sendable {
    /// The PEM-encoded certificate.
    public var cert: String
    /// The PEM-encoded private key.
    public var key: String

    /// Creates a certificate value.
    public init(cert: String, key: String) {
        self.cert = cert
        self.key = key
    }

    public var goTypeName: String { "sprig.certificate" }
    public var goKind: GoKind { .struct }

    public func field(_ name: String) -> Value? {
        switch name {
        case "Cert": .string(cert)
        case "Key": .string(key)
        default: nil
        }
    }

    /// Go's `%v` of a struct: its fields in braces.
    public var goDescription: String { "{\(cert) \(key)}" }

    public var jsonValue: Value? { .map(["Cert": .string(cert), "Key": .string(key)]) }
}

extension Sprig {
    /// Sprig's `getBaseCertTemplate` + `getCertAndKey`: a random 128-bit serial, the common name
    /// as subject, validity from now for `days` days, key encipherment and digital signature
    /// (plus certificate signing for a CA), server and client auth, and the SANs.
    static func makeCertificate(
        commonName: String,
        ips: [[UInt8]],
        dnsNames: [String],
        days: Int,
        isCA: Bool,
        key: SigningKey,
        issuer: (certificate: Certificate, key: SigningKey)?
    ) throws -> SprigCertificate {
        do {
            var generator = SystemRandomNumberGenerator()
            var serial = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
            while serial.first == 0 && serial.count > 1 { serial.removeFirst() }
            let subject = try DistinguishedName { CommonName(commonName) }
            let now = Date()
            let publicKey = key.key.publicKey
            let keyIdentifier = Array(Insecure.SHA1.hash(data: publicKey.subjectPublicKeyInfoBytes))
            var names: [GeneralName] = dnsNames.map { .dnsName($0) }
            names += ips.map { .ipAddress(ASN1OctetString(contentBytes: $0[...])) }
            let extensions = try Certificate.Extensions {
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true, keyCertSign: isCA))
                try ExtendedKeyUsage([.serverAuth, .clientAuth])
                Critical(isCA ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : .notCertificateAuthority)
                if isCA { SubjectKeyIdentifier(keyIdentifier: keyIdentifier[...]) }
                if let issuer, let authority = try? issuer.certificate.extensions.subjectKeyIdentifier {
                    AuthorityKeyIdentifier(keyIdentifier: authority.keyIdentifier)
                }
                if !names.isEmpty { SubjectAlternativeNames(names) }
            }
            let signer = issuer?.key.key ?? key.key
            let certificate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(bytes: serial[...]),
                publicKey: publicKey,
                notValidBefore: now,
                notValidAfter: now.addingTimeInterval(TimeInterval(days) * 86_400),
                issuer: issuer?.certificate.subject ?? subject,
                subject: subject,
                signatureAlgorithm: signatureAlgorithm(for: issuer?.key.material ?? key.material),
                extensions: extensions,
                issuerPrivateKey: signer)
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return SprigCertificate(
                cert: pem("CERTIFICATE", serializer.serializedBytes), key: pemForKey(key.key, raw: key.material))
        } catch let error as TemplateFunctionError {
            throw error
        } catch {
            throw failure("error creating certificate: \(error)")
        }
    }

    /// The algorithm Go's `x509.CreateCertificate` picks for a signing key.
    static func signatureAlgorithm(for material: KeyMaterial) -> Certificate.SignatureAlgorithm {
        switch material {
        case .rsa: .sha256WithRSAEncryption
        case .p256: .ecdsaWithSHA256
        case .ed25519: .ed25519
        case .other: .sha256WithRSAEncryption
        }
    }
}

extension Certificate.PublicKey {
    /// The DER SubjectPublicKeyInfo's key bits, which Go hashes for the subject key identifier.
    var subjectPublicKeyInfoBytes: [UInt8] {
        var serializer = DER.Serializer()
        guard (try? serializer.serialize(self)) != nil,
            let node = try? DER.parse(serializer.serializedBytes),
            case .constructed(let children) = node.content
        else { return [] }
        var iterator = children.makeIterator()
        _ = iterator.next()
        guard let bits = iterator.next(), let bitString = try? ASN1BitString(derEncoded: bits) else { return [] }
        return Array(bitString.bytes)
    }
}

/// Go's `net.ParseIP` as x509 encodes it: 4 bytes for IPv4, 16 for IPv6.
enum GoIP {
    static func parse(_ text: String) -> [UInt8]? {
        if text.contains(".") && !text.contains(":") { return parseV4(Substring(text)) }
        return parseV6(text)
    }

    static func parseV4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                !(part.count > 1 && part.hasPrefix("0")), let value = UInt8(part)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func parseV6(_ text: String) -> [UInt8]? {
        var head: [UInt16] = []
        var tail: [UInt16] = []
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String, allowV4: Bool) -> [UInt16]? {
            if s.isEmpty { return [] }
            var result: [UInt16] = []
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if allowV4 && index == parts.count - 1 && part.contains(".") {
                    guard let v4 = parseV4(part) else { return nil }
                    result.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                    result.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                    continue
                }
                guard !part.isEmpty, part.count <= 4, let value = UInt16(part, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let first = groups(halves[0], allowV4: halves.count == 1) else { return nil }
        head = first
        if halves.count == 2 {
            guard let second = groups(halves[1], allowV4: true), head.count + second.count < 8 else { return nil }
            tail = second
        } else if head.count != 8 {
            return nil
        }
        let all = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        let bytes = all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        // IPv4-mapped addresses are written as 4 bytes, as Go's To4 does.
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return Array(bytes[12...])
        }
        return bytes
    }
}
