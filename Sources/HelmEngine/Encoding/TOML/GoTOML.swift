public import GoTemplate

/// Writes TOML as Helm's `toToml` does with BurntSushi/toml's encoder.
///
/// Keys of a table come in byte order, plain values first and then sub-tables; sub-tables and
/// arrays of tables (`[[name]]`) are indented two spaces per level below the top; a blank line
/// goes before each top-level table and each array-of-tables entry; nil values are left out;
/// floats print in Go's `%g` form with `.0` added to whole numbers (`3.0`, `1e+06`).
public enum GoTOML {
    /// Encodes `value` (normally a map).
    /// - Returns: the TOML text.
    /// - Throws: ``EncodingError`` with BurntSushi's message, for example for a nil root value.
    public static func encode(_ value: Value) throws -> String {
        try DeepStack.withEscalation { depthLimit in try encode(value, depthLimit: depthLimit) }
    }

    static func encode(_ value: Value, depthLimit: Int) throws(EncodingError) -> String {
        var writer = TOMLWriter(depthLimit: depthLimit)
        switch value {
        case .null:
            throw EncodingError(code: .marshal, message: "reflect: call of reflect.Value.Type on zero Value")
        case .map(let map, _):
            try writer.table(map, key: [])
        case .object(let nilSlice as GoNilSlice):
            try writer.inline(.list([], nilSlice.kind))
        case .object(let object):
            if case .map(let map, _)? = object.jsonValue {
                try writer.table(map, key: [])
            } else {
                try writer.inline(value)
            }
        default:
            try writer.inline(value)
        }
        return writer.output
    }
}

/// The encoder's output and whether anything has been written (BurntSushi's `hasWritten`).
struct TOMLWriter {
    var output = ""
    private var hasWritten = false
    private let depthLimit: Int
    private var depth = 0

    init(depthLimit: Int = Int.max) { self.depthLimit = depthLimit }

    private mutating func enter() throws(EncodingError) {
        depth += 1
        if depth > JSONWriter.maxDepth {
            throw EncodingError(code: .marshal, message: "toml: nesting deeper than 10000")
        }
        if depth > depthLimit { throw .deepStack }
    }

    private mutating func write(_ text: String) {
        output += text
        hasWritten = true
    }

    private mutating func newline() {
        if hasWritten { output += "\n" }
    }

    private func indent(_ key: [String]) -> String {
        String(repeating: "  ", count: max(0, key.count - 1))
    }

    /// Writes a table's plain keys, then its sub-tables and arrays of tables.
    mutating func table(_ map: [String: Value], key: [String]) throws(EncodingError) {
        try enter()
        defer { depth -= 1 }
        let keys = map.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var nested: [String] = []
        for name in keys {
            let value = map[name] ?? .null
            if Self.isNull(value) { continue }
            if Self.isTable(value) || Self.isArrayOfTables(value) {
                nested.append(name)
                continue
            }
            write(indent(key + [name]) + Self.quoteKey(name) + " = ")
            try inline(value)
            newline()
        }
        for name in nested {
            let value = map[name] ?? .null
            let path = key + [name]
            let header = path.map(Self.quoteKey).joined(separator: ".")
            if let tableMap = Self.tableMap(value) {
                if path.count == 1 { newline() }
                write(indent(path) + "[" + header + "]")
                newline()
                try table(tableMap, key: path)
            } else if case .list(let items, _) = value {
                for item in items {
                    guard let itemMap = Self.tableMap(item) else { continue }
                    newline()
                    write(indent(path) + "[[" + header + "]]")
                    newline()
                    try table(itemMap, key: path)
                }
            }
        }
    }

    /// Writes a value inline: strings, numbers, booleans, arrays and inline tables.
    mutating func inline(_ value: Value) throws(EncodingError) {
        try enter()
        defer { depth -= 1 }
        switch value {
        case .null:
            throw EncodingError(code: .marshal, message: "toml: cannot encode array with nil element")
        case .bool(let bool): write(bool ? "true" : "false")
        case .int(let int, let kind): write(kind.isUnsigned ? String(UInt(bitPattern: int)) : String(int))
        case .float(let double): write(Self.float(double))
        case .string(let string): write(Self.quote(string))
        case .list(let items, _):
            write("[")
            for (offset, item) in items.enumerated() {
                if offset > 0 { write(", ") }
                try inline(item)
            }
            write("]")
        case .map(let map, _):
            // Inline tables (maps inside mixed arrays); BurntSushi's order here follows Go's
            // random map iteration, so byte order is as good as any.
            write("{")
            let keys = map.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            var first = true
            for name in keys {
                guard let item = map[name], !Self.isNull(item) else { continue }
                if !first { write(", ") }
                first = false
                write(Self.quoteKey(name) + " = ")
                try inline(item)
            }
            write("}")
        case .object(let object):
            if let json = object.jsonValue { try inline(json) } else { write("{}") }
        }
    }

    private static func isNull(_ value: Value) -> Bool {
        if case .null = value { return true }
        if case .object(let object) = value, object is GoNilSlice { return true }  // BurntSushi skips nil slices
        return false
    }

    private static func tableMap(_ value: Value) -> [String: Value]? {
        switch value {
        case .map(let map, _): return map
        case .object(let object):
            if case .map(let map, _)? = object.jsonValue { return map }
            return nil
        default: return nil
        }
    }

    private static func isTable(_ value: Value) -> Bool { tableMap(value) != nil }

    /// A non-empty array whose elements are all tables.
    private static func isArrayOfTables(_ value: Value) -> Bool {
        guard case .list(let items, _) = value, !items.isEmpty else { return false }
        return items.allSatisfy { tableMap($0) != nil }
    }

    static func float(_ double: Double) -> String {
        if double.isNaN { return "nan" }
        if double.isInfinite { return double < 0 ? "-inf" : "inf" }
        let text = GoFloat.format(double, .g)
        if !text.contains(".") && !text.contains("e") { return text + ".0" }
        return text
    }

    /// Bare keys are `A-Za-z0-9_-`; anything else is a quoted string.
    static func quoteKey(_ key: String) -> String {
        let bare =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy { c in
                (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
            }
        return bare ? key : quote(key)
    }

    /// A TOML basic string with BurntSushi's escapes.
    static func quote(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
