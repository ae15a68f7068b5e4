public import GoTemplate

extension GoYAML {
    /// Encodes `value` as Helm's `toYaml` does: sigs.k8s.io/yaml's `Marshal`, which writes the
    /// value as JSON, reads that JSON back with go-yaml v2 and emits it with go-yaml v2.
    ///
    /// So map keys are sorted in go-yaml's natural order (`a2` before `a10`), whole numbers print
    /// as integers (`1000000`, never `1e+06`), other floats in Go's `%g` form, strings are
    /// quoted only when they would read back as something else (`"on"`, `"1e3"`, `"12:30"`,
    /// `""`), multi-line strings use literal blocks (`|`, `|-`, `|2-`), long lines fold at 80
    /// columns, and sequences inside maps are not indented.
    /// - Returns: the YAML text, ending with a line break (Helm's `toYaml` trims it).
    /// - Throws: ``EncodingError`` (code ``EncodingError/Code/marshal``) for NaN or ±Inf:
    ///   `error marshaling into JSON: json: unsupported value: NaN`.
    public static func encode(_ value: Value) throws -> String {
        try DeepStack.withEscalation { depthLimit in try encode(value, depthLimit: depthLimit) }
    }

    static func encode(_ value: Value, depthLimit: Int) throws(EncodingError) -> String {
        let node: YAMLOutNode
        do {
            node = try YAMLOutBuilder.node(for: value, depth: 0, limit: depthLimit)
        } catch {
            // JSON failures carry sigs.k8s.io/yaml's prefix; go-yaml's own errors don't.
            if error.code == .marshal && error.message.hasPrefix("json: ") {
                throw EncodingError(code: .marshal, message: "error marshaling into JSON: " + error.message)
            }
            throw error
        }
        var emitter = YAMLEmitter()
        emitter.emitDocument(node)
        return String(emitter.output)
    }
}

/// Builds the emitter's tree from a value, applying what the JSON round trip does to types.
enum YAMLOutBuilder {
    static func node(for value: Value, depth: Int, limit: Int) throws(EncodingError) -> YAMLOutNode {
        guard depth <= JSONWriter.maxDepth else {
            throw EncodingError(code: .marshal, message: "json: unsupported value: nesting deeper than 10000")
        }
        guard depth <= limit else { throw .deepStack }
        switch value {
        case .null: return .scalar("null", .plain)
        case .bool(let bool): return .scalar(bool ? "true" : "false", .plain)
        case .int(let int, let kind):
            return .scalar(kind.isUnsigned ? String(UInt(bitPattern: int)) : String(int), .plain)
        case .float(let double): return .scalar(try number(double), .plain)
        case .string(let goText):
            // toYaml goes through encoding/json, which turns each byte that is not UTF-8 into U+FFFD.
            let text = GoBytes.replacingStandIns(goText)
            try checkReadable(text)
            return string(text)
        case .list(let items, let kind):
            if kind == .uint8 { return string(JSONWriter.base64(items)) }
            var nodes: [YAMLOutNode] = []
            nodes.reserveCapacity(items.count)
            for item in items { nodes.append(try node(for: item, depth: depth + 1, limit: limit)) }
            return .sequence(nodes)
        case .map(let map, _):
            var pairs: [(key: YAMLOutNode, value: YAMLOutNode)] = []
            pairs.reserveCapacity(map.count)
            for key in map.keys.sorted(by: YAMLKeyOrder.less) {
                try checkReadable(key)
                pairs.append(
                    (
                        string(GoBytes.replacingStandIns(key)),
                        try node(for: map[key] ?? .null, depth: depth + 1, limit: limit)
                    ))
            }
            return .mapping(pairs)
        case .object(let object):
            guard let json = object.jsonValue else { return .mapping([]) }
            return try node(for: json, depth: depth, limit: limit)
        }
    }

    /// go-yaml reads the JSON text back, and its reader refuses characters outside YAML's
    /// printable set. encoding/json escapes control characters below U+0020 but writes DEL,
    /// the C1 controls and U+FFFE/U+FFFF as they are, so such strings make `toYaml` fail.
    static func checkReadable(_ text: String) throws(EncodingError) {
        for c in text.unicodeScalars {
            let v = c.value
            if v == 0x7F || (v >= 0x80 && v <= 0x9F && v != 0x85) || v == 0xFFFE || v == 0xFFFF {
                throw EncodingError(code: .marshal, message: "yaml: control characters are not allowed")
            }
        }
    }

    /// A float goes out as JSON text and comes back through go-yaml's resolver: integral text
    /// that fits 64 bits becomes an integer, anything else a float printed with `%g`.
    static func number(_ double: Double) throws(EncodingError) -> String {
        guard double.isFinite else {
            throw EncodingError(code: .marshal, message: "json: unsupported value: " + GoFloat.format(double, .g))
        }
        let json = GoFloat.json(double)
        if !json.contains(".") && !json.contains("e") {
            switch GoNumberSyntax.parseInteger(json) {
            case .int(let int): return String(int)
            case .uint(let uint): return String(uint)
            case .outOfRange, .invalid: break
            }
        }
        return GoFloat.format(double, .g)
    }

    /// go-yaml v2's `stringv`: literal style for text with a line break, plain when the text
    /// reads back as the same string, double-quoted otherwise.
    static func string(_ text: String) -> YAMLOutNode {
        if text.utf8.contains(UInt8(ascii: "\n")) { return .scalar(text, .literal) }
        if let (tag, _) = try? YAMLResolver.resolve(tag: "", text), tag == .str, !isBase60Float(text) {
            return .scalar(text, .plain)
        }
        return .scalar(text, .doubleQuoted)
    }

    /// YAML 1.1 sexagesimal numbers (`12:30`, `-1:20:30.5`), which go-yaml quotes on output.
    static func isBase60Float(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first,
            first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || isDigit(first),
            bytes.contains(UInt8(ascii: ":"))
        else { return false }
        // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
        var i = 0
        if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { return false }
        i += 1
        while i < bytes.count, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < bytes.count, bytes[i] == UInt8(ascii: ":") {
            i += 1
            // [0-5]?[0-9]: one or two digits, a leading digit of two being 0-5.
            guard i < bytes.count, isDigit(bytes[i]) else { return false }
            if i + 1 < bytes.count, isDigit(bytes[i + 1]), bytes[i] <= UInt8(ascii: "5") {
                i += 2
            } else {
                i += 1
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == bytes.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// go-yaml v2's map key order for string keys (`keyList.Less`): letters compare by code point,
/// a letter sorts after a non-letter, and runs of digits compare by numeric value, so `a2`
/// comes before `a10`.
enum YAMLKeyOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let ar = Array(a.unicodeScalars)
        let br = Array(b.unicodeScalars)
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] {
                i += 1
                continue
            }
            let al = isLetter(ar[i])
            let bl = isLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != "0" {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) {
                an = an &* 10 &+ (Int64(ar[ai].value) - 48)
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ (Int64(br[bi].value) - 48)
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    /// Go's `unicode.IsLetter`: general category L.
    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// Go's `unicode.IsDigit`: general category Nd.
    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.properties.generalCategory == .decimalNumber
    }
}
