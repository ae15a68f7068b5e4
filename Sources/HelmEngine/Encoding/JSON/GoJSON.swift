public import GoTemplate

/// Writes and reads JSON exactly as Go's encoding/json does for Helm's `toJson`, `toRawJson`,
/// `toPrettyJson` and `fromJson`.
///
/// Output has map keys in byte order, `<`, `>` and `&` escaped as `\u003c`... (unless
/// `escapeHTML` is off, as in `toRawJson`), U+2028/U+2029 escaped, floats in Go's shortest form
/// (`1e+21` and up and below `1e-6` in exponent form) and `[]byte` as base64.
public enum GoJSON {
    /// Options for ``encode(_:escapeHTML:indent:)``.
    public struct Style: Sendable, Hashable {
        /// Escape `<`, `>` and `&` (encoding/json's default; `toRawJson` turns it off).
        public var escapeHTML: Bool
        /// Indent string for each level (`"  "` for `toPrettyJson`), or nil for compact output.
        public var indent: String?

        /// Creates a style; the defaults are `json.Marshal`'s.
        public init(escapeHTML: Bool = true, indent: String? = nil) {
            self.escapeHTML = escapeHTML
            self.indent = indent
        }
    }

    /// Encodes `value` as `json.Marshal` (or `MarshalIndent`) would.
    /// - Throws: ``EncodingError`` with code ``EncodingError/Code/marshal`` for NaN or ±Inf
    ///   (`json: unsupported value: NaN`).
    public static func encode(_ value: Value, style: Style = Style()) throws -> String {
        try DeepStack.withEscalation { depthLimit in
            var writer = JSONWriter(style: style, depthLimit: depthLimit)
            try writer.write(value, level: 0)
            return writer.output
        }
    }
}

/// The encoder's state: output so far and the style.
struct JSONWriter {
    let style: GoJSON.Style
    let depthLimit: Int
    var output = ""
    /// encoding/json refuses cycles by depth; values from templates can't be cyclic, but a
    /// bound keeps a hostile structure from exhausting the stack.
    static let maxDepth = 10_000

    init(style: GoJSON.Style, depthLimit: Int = Int.max) {
        self.style = style
        self.depthLimit = depthLimit
    }

    mutating func write(_ value: Value, level: Int) throws(EncodingError) {
        guard level <= Self.maxDepth else {
            throw EncodingError(code: .marshal, message: "json: unsupported value: nesting deeper than 10000")
        }
        guard level <= depthLimit else { throw .deepStack }
        switch value {
        case .null: output += "null"
        case .bool(let bool): output += bool ? "true" : "false"
        case .int(let int, let kind):
            output += kind.isUnsigned ? String(UInt(bitPattern: int)) : String(int)
        case .float(let double):
            guard double.isFinite else {
                throw EncodingError(code: .marshal, message: "json: unsupported value: " + GoFloat.format(double, .g))
            }
            output += GoFloat.json(double)
        case .string(let string): writeString(string)
        case .list(let items, let kind):
            if kind == .uint8 {
                writeString(Self.base64(items))
                return
            }
            if items.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { output += "," }
                newline(level + 1)
                try write(item, level: level + 1)
            }
            newline(level)
            output += "]"
        case .map(let map, _):
            if map.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (offset, key) in map.keys.sorted(by: Self.byteOrder).enumerated() {
                if offset > 0 { output += "," }
                newline(level + 1)
                writeString(key)
                output += style.indent == nil ? ":" : ": "
                try write(map[key] ?? .null, level: level + 1)
            }
            newline(level)
            output += "}"
        case .object(let object):
            if let json = object.jsonValue {
                try write(json, level: level)
            } else {
                output += "{}"
            }
        }
    }

    private mutating func newline(_ level: Int) {
        guard let indent = style.indent else { return }
        output += "\n"
        for _ in 0..<level { output += indent }
    }

    /// Go compares map keys as byte strings.
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    mutating func writeString(_ string: String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "<", ">", "&":
                if style.escapeHTML {
                    output += "\\u00" + String(scalar.value, radix: 16)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u00" + (hex.count < 2 ? "0" + hex : hex)
                } else if GoBytes.isStandIn(scalar) {
                    output += "\\ufffd"  // a byte that is not UTF-8: Go writes the replacement character
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// encoding/json writes `[]byte` as standard base64.
    static func base64(_ items: [Value]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(items.count)
        for item in items {
            if case .int(let int, _) = item { bytes.append(UInt8(truncatingIfNeeded: int)) }
        }
        return Base64.encode(bytes)
    }
}
