/// Go strings are bytes; Swift strings are Unicode. A byte that is not part of valid UTF-8 (what `b64dec` of
/// binary data, or `substr` cutting a character, leaves in a Go string) is kept in a `String` as one scalar of
/// U+10FF80...U+10FFFF (the end of private-use plane 16), so `len`, `b64enc`, hashes and byte cuts see Go's bytes.
package enum GoBytes {
    private static let base: UInt32 = 0x10_FF00

    /// The Go string these bytes are: valid UTF-8 as text, every other byte as its stand-in scalar.
    package static func string<C: Collection<UInt8>>(from bytes: C) -> String {
        let array = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < array.count {
            let width = validSequenceWidth(array, at: index)
            if width == 0 {
                scalars.append(Unicode.Scalar(base | UInt32(array[index]))!)
                index += 1
            } else {
                var value = UInt32(array[index]) & (width == 1 ? 0x7F : width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for offset in 1..<width { value = value << 6 | UInt32(array[index + offset] & 0x3F) }
                scalars.append(Unicode.Scalar(value)!)
                index += width
            }
        }
        return String(scalars)
    }

    /// The bytes of a Go string held in `text` (stand-in scalars back to their byte).
    package static func bytes(of text: String) -> [UInt8] {
        guard hasStandIns(text) else { return Array(text.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value >= base | 0x80, scalar.value <= base | 0xFF {
                out.append(UInt8(scalar.value & 0xFF))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// `len` of the Go string held in `text`.
    package static func count(of text: String) -> Int {
        guard hasStandIns(text) else { return text.utf8.count }
        return bytes(of: text).count
    }

    /// Whether `scalar` is the stand-in of a byte that is not valid UTF-8.
    package static func isStandIn(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= base | 0x80 && scalar.value <= base | 0xFF
    }

    /// `text` as valid Unicode, every stand-in byte as U+FFFD: what Go's `encoding/json` makes of such a string
    /// (one replacement character per invalid byte), so what `toJson`, `toYaml` and Helm's stored release
    /// manifests hold, and what rendered output turns into once it leaves the engine as Swift text.
    package static func replacingStandIns(_ text: String) -> String {
        guard hasStandIns(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isStandIn(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }

    /// The error go-yaml's reader reports for the bytes of `text` when they are not valid UTF-8 (Helm parses
    /// every rendered document with it), or `nil` when they are.
    package static func yamlReaderError(_ text: String) -> String? {
        guard hasStandIns(text) else { return nil }
        let bytes = bytes(of: text)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let width =
                lead & 0x80 == 0 ? 1 : lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : lead & 0xF8 == 0xF0 ? 4 : 0
            if width == 0 { return "invalid leading UTF-8 octet" }
            if index + width > bytes.count { return "incomplete UTF-8 octet sequence" }
            var value = UInt32(lead) & (width == 1 ? 0x7F : width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for offset in 1..<max(1, width) {
                let octet = bytes[index + offset]
                if octet & 0xC0 != 0x80 { return "invalid trailing UTF-8 octet" }
                value = value << 6 | UInt32(octet & 0x3F)
            }
            let shortest: UInt32 = width == 1 ? 0 : width == 2 ? 0x80 : width == 3 ? 0x800 : 0x10000
            if value < shortest { return "invalid length of a UTF-8 sequence" }
            if (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return "invalid Unicode character" }
            index += width
        }
        return nil
    }

    /// Whether `text` holds any stand-in scalar (all are four UTF-8 bytes starting F4 8F BE/BF).
    private static func hasStandIns(_ text: String) -> Bool {
        text.utf8.contains(0xF4) && text.unicodeScalars.contains(where: isStandIn)
    }

    /// The length of the valid UTF-8 sequence at `index` as Go's `utf8.DecodeRune` accepts it, or 0.
    private static func validSequenceWidth(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let width: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: width = 2
        case 0xE0: width = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: width = 3
        case 0xED: width = 3; high = 0x9F
        case 0xF0: width = 4; low = 0x90
        case 0xF1...0xF3: width = 4
        case 0xF4: width = 4; high = 0x8F
        default: return 0
        }
        guard index + width <= bytes.count else { return 0 }
        guard (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, width) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return width
    }
}
