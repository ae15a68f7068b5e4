import GoTemplate

/// A JSON value with its numbers kept as written, for schemas (exact comparisons) and for
/// values (which become float64 as Go's `encoding/json` makes them).
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order (duplicates: last wins on lookup, as Go's decoder keeps).
    case object([(key: String, value: JSONValue)])

    /// The value as Go's `encoding/json` decodes it into `interface{}`.
    var goValue: Value {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let text): return .float(Double(text) ?? 0)
        case .string(let text): return .string(text)
        case .array(let items): return .list(items.map(\.goValue))
        case .object(let members):
            var map: [String: Value] = [:]
            for member in members { map[member.key] = member.value.goValue }
            return .map(map)
        }
    }

    /// The member named `key` of an object (the last one, as Go's decoder keeps the last).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }
}

/// A strict RFC 8259 reader over UTF-8 bytes with a nesting cap.
struct JSONReader {
    struct Failure: Error {
        var message: String
    }

    static let maxDepth = 1000
    let bytes: [UInt8]
    private(set) var offset = 0
    private var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses a whole document: one value and nothing but white space after it.
    static func parseDocument(_ bytes: [UInt8]) throws -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        let value = try reader.readValue()
        reader.skipSpace()
        if reader.offset < bytes.count {
            throw Failure(message: "invalid character \(reader.describe(bytes[reader.offset])) after top-level value")
        }
        return value
    }

    /// Reads one value starting at the current offset (leading white space allowed).
    mutating func readValue() throws -> JSONValue {
        skipSpace()
        guard offset < bytes.count else { throw Failure(message: "unexpected EOF") }
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default:
            throw Failure(message: "invalid character \(describe(byte)) looking for beginning of value")
        }
    }

    mutating func skipSpace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    func describe(_ byte: UInt8) -> String {
        byte == UInt8(ascii: "'") ? "'\\''" : "'\(Character(Unicode.Scalar(byte)))'"
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
        let expected = Array(word.utf8)
        guard offset + expected.count <= bytes.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw Failure(message: "invalid character in literal \(word) (expecting '\(word.first!)')")
        }
        offset += expected.count
        return value
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw Failure(message: "exceeded max depth") }
    }

    private mutating func readObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        offset += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard offset < bytes.count else { throw Failure(message: "unexpected EOF") }
            guard bytes[offset] == UInt8(ascii: "\"") else {
                throw Failure(
                    message: "invalid character \(describe(bytes[offset])) looking for beginning of object key string")
            }
            let key = try readString()
            skipSpace()
            guard offset < bytes.count else { throw Failure(message: "unexpected EOF") }
            guard bytes[offset] == UInt8(ascii: ":") else {
                throw Failure(message: "invalid character \(describe(bytes[offset])) after object key")
            }
            offset += 1
            members.append((key, try readValue()))
            skipSpace()
            guard offset < bytes.count else { throw Failure(message: "unexpected EOF") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard bytes[offset] == UInt8(ascii: "}") else {
                throw Failure(message: "invalid character \(describe(bytes[offset])) after object key:value pair")
            }
            offset += 1
            return .object(members)
        }
    }

    private mutating func readArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        offset += 1
        var items: [JSONValue] = []
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return .array(items)
        }
        while true {
            items.append(try readValue())
            skipSpace()
            guard offset < bytes.count else { throw Failure(message: "unexpected EOF") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard bytes[offset] == UInt8(ascii: "]") else {
                throw Failure(message: "invalid character \(describe(bytes[offset])) after array element")
            }
            offset += 1
            return .array(items)
        }
    }

    private mutating func readNumber() throws -> JSONValue {
        let start = offset
        func digits() -> Int {
            let begin = offset
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            return offset - begin
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count else { throw Failure(message: "unexpected EOF") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else if digits() == 0 {
            throw Failure(message: "invalid character \(describe(bytes[offset])) in numeric literal")
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            if digits() == 0 { throw Failure(message: "invalid character after decimal point in numeric literal") }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            if digits() == 0 { throw Failure(message: "invalid character in exponent of numeric literal") }
        }
        return .number(String(decoding: bytes[start..<offset], as: UTF8.self))
    }

    private mutating func readString() throws -> String {
        offset += 1
        var out: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw Failure(message: "unexpected EOF") }
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard offset < bytes.count else { throw Failure(message: "unexpected EOF") }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                        bytes[offset + 1] == UInt8(ascii: "u")
                    {
                        let saved = offset
                        offset += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            offset = saved
                        }
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(scalar).utf8))
                default:
                    throw Failure(message: "invalid character \(describe(escape)) in string escape code")
                }
            default:
                if byte < 0x20 { throw Failure(message: "invalid character \(describe(byte)) in string literal") }
                out.append(byte)
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard offset + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
        else { throw Failure(message: "invalid character in \\u hexadecimal character escape") }
        offset += 4
        return code
    }
}
