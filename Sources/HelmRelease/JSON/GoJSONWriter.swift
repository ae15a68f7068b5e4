/// Writes JSON byte for byte as Go's `encoding/json` marshals it.
///
/// Go escapes `<`, `>`, `&`, U+2028 and U+2029 as `\u003c`-style escapes, writes `\b`, `\f`, `\n`, `\r`, `\t`
/// in short form and other control characters as `\u00XX`, sorts map keys by their bytes and writes struct
/// fields in declaration order. The release model writes its structs through ``field(_:)`` in Helm's field
/// order, so a record fluxhelm writes is what Helm would write for the same release.
struct GoJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next member of the innermost open object or array needs a comma first.
    private var needsComma: [Bool] = []

    init(reservingCapacity capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an object key; the next value written is its value.
    mutating func field(_ key: String) {
        separate()
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Set between a key and its value, which takes no comma.
    private var afterKey = false

    /// Adds the comma between members of the innermost object or array.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = needsComma.indices.last else { return }
        if needsComma[last] { bytes.append(UInt8(ascii: ",")) }
        needsComma[last] = true
    }

    // MARK: Scalars

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a number literal as given (it was validated when parsed or produced by `String(Int)`).
    mutating func numberLiteral(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ value: String) {
        separate()
        writeString(value)
    }

    /// Writes bytes as Go writes a `[]byte`: standard base64 in a string.
    mutating func base64(_ data: [UInt8]) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Base64.encode(data, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func value(_ value: LosslessJSON) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let text): numberLiteral(text)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            object(members)
        }
    }

    /// Writes a map with its keys in byte order, as Go does.
    mutating func object(_ members: [String: LosslessJSON]) {
        beginObject()
        for key in members.keys.sorted(by: Self.byteOrder) {
            field(key)
            value(members[key] ?? .null)
        }
        endObject()
    }

    /// Writes a `map[string]string` with sorted keys.
    mutating func stringMap(_ members: [String: String]) {
        beginObject()
        for key in members.keys.sorted(by: Self.byteOrder) {
            field(key)
            string(members[key] ?? "")
        }
        endObject()
    }

    /// Go sorts map keys by comparing their UTF-8 bytes.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029:
                let code = scalar.value
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
                for shift in stride(from: 12, through: 0, by: -4) {
                    bytes.append(Self.hexDigits[Int((code >> UInt32(shift)) & 0xF)])
                }
            default:
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
