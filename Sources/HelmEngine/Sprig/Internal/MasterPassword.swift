import Crypto
import Foundation
import _CryptoExtras

/// The Master Password algorithm (v3) behind Sprig's `derivePassword`: scrypt over the master
/// password and user name, HMAC-SHA256 over the site and counter, then a character template.
enum MasterPassword {
    private static let seed = "com.lyndir.masterpassword"

    private static let templates: [String: [String]] = [
        "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long": [
            "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
            "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium": ["CvcnoCvc", "CvcCvcno"],
        "short": ["Cvcn"],
        "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin": ["nnnn"],
    ]

    private static let characters: [Character: [UInt8]] = [
        "V": Array("AEIOU".utf8),
        "C": Array("BCDFGHJKLMNPQRSTVWXYZ".utf8),
        "v": Array("aeiou".utf8),
        "c": Array("bcdfghjklmnpqrstvwxyz".utf8),
        "A": Array("AEIOUBCDFGHJKLMNPQRSTVWXYZ".utf8),
        "a": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz".utf8),
        "n": Array("0123456789".utf8),
        "o": Array("@&%?,=[]_:-+*$#!'^~;()/.".utf8),
        "x": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()".utf8),
    ]

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// The site password; an unknown template name gives Sprig's message as the value.
    static func derive(counter: UInt32, template: String, password: String, user: String, site: String) throws -> String
    {
        guard let choices = templates[template] else { return "cannot find password template \(template)" }
        let salt = Array(seed.utf8) + bigEndian(UInt32(truncatingIfNeeded: user.utf8.count)) + Array(user.utf8)
        let key: SymmetricKey
        do {
            key = try KDF.Scrypt.deriveKey(
                from: Array(password.utf8), salt: salt, outputByteCount: 64,
                rounds: 32768, blockSize: 8, parallelism: 2, maxMemory: 128 << 20)
        } catch {
            return "failed to derive password: \(error)"
        }
        let message =
            Array(seed.utf8) + bigEndian(UInt32(truncatingIfNeeded: site.utf8.count)) + Array(site.utf8)
            + bigEndian(counter)
        let digest = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        let chosen = Array(choices[Int(digest[0]) % choices.count])
        var out: [UInt8] = []
        for (index, element) in chosen.enumerated() {
            guard let pool = characters[element] else { continue }
            out.append(pool[Int(digest[index + 1]) % pool.count])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
