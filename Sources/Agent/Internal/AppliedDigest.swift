import Crypto
import KubeAPI

/// The digest of an apply body: SHA-256 of its serialized JSON (keys sorted, so equal objects give equal text),
/// first 128 bits in hex. The inventory keeps it to skip sending an object whose body has not changed.
enum AppliedDigest {
    static func of(_ object: KubeObject) -> String {
        let digest = SHA256.hash(data: object.json.serialized())
        return digest.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
