/// go-yaml v2's scalar resolution (its `resolve` function): YAML 1.1 booleans and nulls, Go's
/// integer literal syntax (`0x1F`, `0o17`, `012`, `0b101`, underscores), floats of the form
/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, and timestamps (recognised, but kept as
/// strings by the decoder). Base-60 numbers (`12:30`) are strings.
///
/// The encoder uses the same rules to decide which strings need quotes.
enum YAMLResolver {
    /// Plain scalars that resolve through go-yaml's lookup table.
    static let table: [String: (YAMLResolvedTag, YAMLScalar)] = {
        var table: [String: (YAMLResolvedTag, YAMLScalar)] = [:]
        for text in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] {
            table[text] = (.bool, .bool(true))
        }
        for text in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] {
            table[text] = (.bool, .bool(false))
        }
        for text in ["", "~", "null", "Null", "NULL"] { table[text] = (.null, .null) }
        for text in [".nan", ".NaN", ".NAN"] { table[text] = (.float, .float(.nan)) }
        for text in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { table[text] = (.float, .float(.infinity)) }
        for text in ["-.inf", "-.Inf", "-.INF"] { table[text] = (.float, .float(-.infinity)) }
        table["<<"] = (.merge, .string("<<"))
        return table
    }()

    /// Resolves `text` under `tag` ("" for an untagged plain scalar).
    /// - Throws: go-yaml's `cannot decode !!str `abc` as a !!int` when an explicit tag doesn't fit.
    static func resolve(tag: String, _ text: String) throws(YAMLSyntaxError) -> (YAMLResolvedTag, YAMLScalar) {
        let requested: YAMLResolvedTag? = tag.isEmpty ? nil : YAMLResolvedTag(short: tag)
        switch requested {
        case nil, .str, .bool, .int, .float, .null, .timestamp: break
        case .some(let other): return (other, .string(text))
        }
        let (rtag, value) = resolveUnchecked(requested: requested, text)
        switch requested {
        case nil, .str, .binary: return (rtag, value)
        case .some(let want) where want == rtag: return (rtag, value)
        case .float?:
            if rtag == .int, case .int(let int) = value { return (.float, .float(Double(int))) }
        default: break
        }
        throw YAMLSyntaxError("cannot decode \(rtag.shortName) `\(text)` as a \(requested?.shortName ?? "")")
    }

    private static func resolveUnchecked(requested: YAMLResolvedTag?, _ text: String) -> (YAMLResolvedTag, YAMLScalar) {
        if requested == .str || requested == .binary { return (.str, .string(text)) }
        let first = text.utf8.first
        let hint: UInt8
        switch first {
        case nil: hint = UInt8(ascii: "N")
        case UInt8(ascii: "+"), UInt8(ascii: "-"): hint = UInt8(ascii: "S")
        case .some(let c) where c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"): hint = UInt8(ascii: "D")
        case .some(let c) where "yYnNtTfFoO~".utf8.contains(c): hint = UInt8(ascii: "M")
        case UInt8(ascii: "."): hint = UInt8(ascii: ".")
        default: return (.str, .string(text))
        }
        if let item = table[text] { return item }
        switch hint {
        case UInt8(ascii: "."):
            if GoNumberSyntax.isDotFloat(text), let double = GoNumberSyntax.parseFloat(text) {
                return (.float, .float(double))
            }
        case UInt8(ascii: "D"), UInt8(ascii: "S"):
            if requested == nil || requested == .timestamp, YAMLTimestamp.matches(text) {
                return (.timestamp, .string(text))
            }
            let plain = String(text.filter { $0 != "_" })
            switch GoNumberSyntax.parseInteger(plain) {
            case .int(let int): return (.int, .int(int))
            case .uint(let uint): return (.int, .uint(uint))
            case .outOfRange(let approx):
                if GoNumberSyntax.isYAMLFloat(plain), let double = GoNumberSyntax.parseFloat(plain) {
                    return (.float, .float(double))
                }
                return (.int, .bigInt(approx, plain))
            case .invalid:
                if GoNumberSyntax.isYAMLFloat(plain), let double = GoNumberSyntax.parseFloat(plain) {
                    return (.float, .float(double))
                }
            }
        default: break
        }
        return (.str, .string(text))
    }
}
