public import GoTemplate

extension GoJSON {
    /// Decodes JSON text into a Go `interface{}` value, as `json.Unmarshal` does: objects become
    /// `map[string]interface {}`, numbers `float64`, later duplicate keys win.
    /// - Returns: the value (`.null` for `null`).
    /// - Throws: ``EncodingError``: ``EncodingError/Code/jsonSyntax`` with Go's scanner message
    ///   (`invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`),
    ///   or ``EncodingError/Code/jsonUnmarshal`` for a number out of float64's range.
    public static func decode(_ text: String) throws -> Value {
        let (value, numberError) = try parse(text)
        if let numberError {
            throw EncodingError(code: .jsonUnmarshal, message: numberError)
        }
        return value
    }

    /// Parses on the caller's stack, or on a deep one when the text nests deeply.
    static func parse(_ text: String) throws(EncodingError) -> (Value, numberError: String?) {
        do {
            return try DeepStack.withEscalation { depthLimit in
                var parser = JSONParser(Array(text.utf8), depthLimit: depthLimit)
                let value = try parser.parseDocument()
                return (value, parser.numberError)
            }
        } catch let error as EncodingError {
            throw error
        } catch {
            throw EncodingError(code: .jsonSyntax, message: String(describing: error))
        }
    }

    /// `json.Unmarshal` into a `map[string]interface{}` (Helm's `fromJson`): `null` makes the map
    /// nil (returned as `nil`, which prints as JSON `null`), any other non-object is `json: cannot unmarshal array into Go value of type
    /// map[string]interface {}`.
    /// - Returns: the map, and Go's error text when Go returns both (a number out of range
    ///   leaves the rest of the map decoded).
    public static func decodeObject(_ text: String) -> (map: [String: Value]?, error: String?) {
        let value: Value
        let numberError: String?
        do {
            (value, numberError) = try parse(text)
        } catch {
            return ([:], error.message)
        }
        switch value {
        case .null: return (nil, numberError)
        case .map(let map, _): return (map, numberError)
        default:
            return (
                [:], "json: cannot unmarshal \(GoYAML.jsonKind(value)) into Go value of type map[string]interface {}"
            )
        }
    }

    /// `json.Unmarshal` into a `[]interface{}` (Helm's `fromJsonArray`); `null` gives a nil slice.
    public static func decodeArray(_ text: String) -> (items: [Value]?, error: String?) {
        let value: Value
        let numberError: String?
        do {
            (value, numberError) = try parse(text)
        } catch {
            return ([], error.message)
        }
        switch value {
        case .null: return (nil, numberError)
        case .list(let items, _): return (items, numberError)
        default:
            return ([], "json: cannot unmarshal \(GoYAML.jsonKind(value)) into Go value of type []interface {}")
        }
    }
}

/// A JSON parser that fails with encoding/json's scanner messages.
struct JSONParser {
    private let bytes: [UInt8]
    private let depthLimit: Int
    private var position = 0
    private var depth = 0
    /// The first `cannot unmarshal number` error; Go reports it after decoding everything else.
    private(set) var numberError: String?

    init(_ bytes: [UInt8], depthLimit: Int = Int.max) {
        self.bytes = bytes
        self.depthLimit = depthLimit
    }

    mutating func parseDocument() throws(EncodingError) -> Value {
        skipSpace()
        guard position < bytes.count else { throw endOfInput() }
        let value = try parseValue()
        skipSpace()
        if position < bytes.count { throw invalid(bytes[position], "after top-level value") }
        return value
    }

    private mutating func parseValue() throws(EncodingError) -> Value {
        guard position < bytes.count else { throw endOfInput() }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default: throw invalid(byte, "looking for beginning of value")
        }
    }

    private mutating func enter(_ byte: UInt8) throws(EncodingError) {
        depth += 1
        if depth > YAMLDecoder.maxJSONDepth { throw invalid(byte, "exceeded max depth") }
        if depth > depthLimit { throw .deepStack }
    }

    private mutating func parseObject() throws(EncodingError) -> Value {
        try enter(UInt8(ascii: "{"))
        position += 1
        var map: [String: Value] = [:]
        skipSpace()
        guard position < bytes.count else { throw endOfInput() }
        if bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .map(map, .interface)
        }
        while true {
            skipSpace()
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw invalid(bytes[position], "looking for beginning of object key string")
            }
            let key = try parseString()
            skipSpace()
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == UInt8(ascii: ":") else { throw invalid(bytes[position], "after object key") }
            position += 1
            skipSpace()
            map[key] = try parseValue()
            skipSpace()
            guard position < bytes.count else { throw endOfInput() }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .map(map, .interface)
            default: throw invalid(bytes[position], "after object key:value pair")
            }
        }
    }

    private mutating func parseArray() throws(EncodingError) -> Value {
        try enter(UInt8(ascii: "["))
        position += 1
        var items: [Value] = []
        skipSpace()
        guard position < bytes.count else { throw endOfInput() }
        if bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .list(items, .interface)
        }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            guard position < bytes.count else { throw endOfInput() }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .list(items, .interface)
            default: throw invalid(bytes[position], "after array element")
            }
        }
    }

    private mutating func parseString() throws(EncodingError) -> String {
        position += 1  // opening quote
        var runStart = position
        var result = ""
        func flush(_ end: Int) {
            if end > runStart { result += String(decoding: bytes[runStart..<end], as: UTF8.self) }
        }
        while true {
            guard position < bytes.count else { throw endOfInput() }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                flush(position)
                position += 1
                return result
            }
            if byte < 0x20 { throw invalid(byte, "in string literal") }
            if byte != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            flush(position)
            position += 1
            guard position < bytes.count else { throw endOfInput() }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): result += "\""
            case UInt8(ascii: "\\"): result += "\\"
            case UInt8(ascii: "/"): result += "/"
            case UInt8(ascii: "b"): result += "\u{08}"
            case UInt8(ascii: "f"): result += "\u{0C}"
            case UInt8(ascii: "n"): result += "\n"
            case UInt8(ascii: "r"): result += "\r"
            case UInt8(ascii: "t"): result += "\t"
            case UInt8(ascii: "u"):
                let first = try hex4()
                if (0xD800..<0xDC00).contains(first), position + 1 < bytes.count,
                    bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                {
                    let save = position
                    position += 2
                    let second = try hex4()
                    if (0xDC00..<0xE000).contains(second) {
                        let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                        result.unicodeScalars.append(Unicode.Scalar(combined) ?? "\u{FFFD}")
                    } else {
                        result += "\u{FFFD}"
                        position = save
                    }
                } else {
                    result.unicodeScalars.append(Unicode.Scalar(first) ?? "\u{FFFD}")
                }
            default: throw invalid(escape, "in string escape code")
            }
            runStart = position
        }
    }

    private mutating func hex4() throws(EncodingError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw endOfInput() }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw invalid(byte, "in \\u hexadecimal character escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(EncodingError) -> Value {
        let start = position
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[position]) else { throw invalid(bytes[position], "in numeric literal") }
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[position]) else {
                throw invalid(bytes[position], "after decimal point in numeric literal")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[position]) else { throw invalid(bytes[position], "in exponent of numeric literal") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            if numberError == nil {
                numberError = "json: cannot unmarshal number \(text) into Go value of type float64"
            }
            return .null
        }
        return .float(double)
    }

    private mutating func literal(_ word: String) throws(EncodingError) {
        for expected in word.utf8 {
            guard position < bytes.count else { throw endOfInput() }
            let byte = bytes[position]
            guard byte == expected else {
                throw invalid(byte, "in literal \(word) (expecting \(Self.quoteChar(expected)))")
            }
            position += 1
        }
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func endOfInput() -> EncodingError {
        EncodingError(code: .jsonSyntax, message: "unexpected end of JSON input")
    }

    private func invalid(_ byte: UInt8, _ context: String) -> EncodingError {
        EncodingError(code: .jsonSyntax, message: "invalid character \(Self.quoteChar(byte)) \(context)")
    }

    /// encoding/json's `quoteChar`: `'x'`, `'\''`, `'"'`, `'\n'`; Go turns the byte itself into
    /// a rune, so byte 0xC3 prints as `'Ã'`.
    private static func quoteChar(_ byte: UInt8) -> String {
        if byte == UInt8(ascii: "'") { return "'\\''" }
        if byte == UInt8(ascii: "\"") { return "'\"'" }
        let quoted = GoQuote.quote(String(Character(Unicode.Scalar(byte))))
        return "'" + quoted.dropFirst().dropLast() + "'"
    }
}
