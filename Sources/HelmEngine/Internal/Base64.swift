import Foundation

/// Standard base64 with padding, as Go's `base64.StdEncoding` writes it (Foundation's encoder is the same).
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
