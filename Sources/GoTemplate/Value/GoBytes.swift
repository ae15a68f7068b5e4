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

    /// Whether `text` holds any stand-in scalar (all are four UTF-8 bytes starting F4 8F BE/BF).
    private static func hasStandIns(_ text: String) -> Bool {
        text.utf8.contains(0xF4) && text.unicodeScalars.contains { $0.value >= base | 0x80 && $0.value <= base | 0xFF }
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
