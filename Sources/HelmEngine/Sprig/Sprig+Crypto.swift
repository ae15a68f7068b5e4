import Crypto
import Foundation
import GoTemplate
import _CryptoExtras

// Sprig's hashes, password functions and AES (crypto.go).
extension Sprig {
    static let cryptoFunctions: [String: TemplateFunction] = [
        "sha1sum": function([.string]) { a in .string(hex(Insecure.SHA1.hash(data: Data(GoBytes.bytes(of: a[0].stringArgument))))) },
        "sha256sum": function([.string]) { a in .string(hex(SHA256.hash(data: Data(GoBytes.bytes(of: a[0].stringArgument))))) },
        "sha512sum": function([.string]) { a in .string(hex(SHA512.hash(data: Data(GoBytes.bytes(of: a[0].stringArgument))))) },
        "adler32sum": function([.string]) { a in .string(String(adler32(GoBytes.bytes(of: a[0].stringArgument)))) },
        "encryptAES": function([.string, .string]) { a in
            try .string(encryptAES(password: a[0].stringArgument, plaintext: a[1].stringArgument))
        },
        "decryptAES": function([.string, .string]) { a in
            try .string(decryptAES(password: a[0].stringArgument, ciphertext: a[1].stringArgument))
        },
        "derivePassword": function([.int, .string, .string, .string, .string]) { a in
            try .string(
                MasterPassword.derive(
                    counter: UInt32(truncatingIfNeeded: a[0].intArgument), template: a[1].stringArgument,
                    password: a[2].stringArgument, user: a[3].stringArgument, site: a[4].stringArgument))
        },
        "bcrypt": function([.string]) { a in
            .string((try? Bcrypt.hash(Array(a[0].stringArgument.utf8), cost: 10)) ?? "")
        },
        "htpasswd": function([.string, .string]) { a in
            let user = a[0].stringArgument
            if user.contains(":") { return .string("invalid username: \(user)") }
            let hash = (try? Bcrypt.hash(Array(a[1].stringArgument.utf8), cost: 10)) ?? ""
            return .string("\(user):\(hash)")
        },
    ]

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { GoFormat.hex(UInt32($0), width: 2) }.joined()
    }

    /// Go's `hash/adler32` checksum.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// The AES-256 key Sprig derives from a password: its bytes, zero-padded or cut to 32.
    static func aesKey(_ password: String) -> SymmetricKey {
        var key = Array(password.utf8.prefix(32))
        key += [UInt8](repeating: 0, count: 32 - key.count)
        return SymmetricKey(data: key)
    }

    /// Sprig's `encryptAES`: AES-256-CBC with PKCS#7 padding and a random IV, base64 of IV + ciphertext.
    static func encryptAES(password: String, plaintext: String) throws -> String {
        let iv = AES._CBC.IV()
        do {
            let ciphertext = try AES._CBC.encrypt(Data(plaintext.utf8), using: aesKey(password), iv: iv)
            return (Data(iv) + ciphertext).base64EncodedString()
        } catch {
            throw failure("encryptAES: \(error)")
        }
    }

    /// Sprig's `decryptAES`: the reverse of ``encryptAES(password:plaintext:)``.
    static func decryptAES(password: String, ciphertext: String) throws -> String {
        let bytes: [UInt8]
        switch GoBase.decode64(Array(ciphertext.utf8)) {
        case .success(let decoded): bytes = decoded
        case .failure(let offset): throw failure("illegal base64 data at input byte \(offset.value)")
        }
        // Go slices the IV off without a check; the panic names the decoded buffer's capacity.
        guard bytes.count >= 16 else {
            throw failure(
                "runtime error: slice bounds out of range [:16] with capacity \(ciphertext.utf8.count / 4 * 3)")
        }
        guard bytes.count % 16 == 0 else { throw failure("crypto/cipher: input not full blocks") }
        do {
            let iv = try AES._CBC.IV(ivBytes: bytes[..<16])
            let key = aesKey(password)
            let raw = try AES._CBC.decrypt(bytes[16...], using: key, iv: iv, noPadding: true)
            // Sprig strips the padding by trusting the last byte; invalid padding leaves garbage, as there.
            guard let last = raw.last, Int(last) <= raw.count else { return "" }
            return String(decoding: raw.dropLast(Int(last)), as: UTF8.self)
        } catch {
            throw failure("decryptAES: \(error)")
        }
    }
}
