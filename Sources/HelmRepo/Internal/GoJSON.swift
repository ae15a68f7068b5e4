/// Just enough of Go's `encoding/json` to reproduce Helm's lock digests byte for byte.
enum GoJSON {
    /// A `chart.Dependency` with Go's field order and `omitempty` rules (`enabled` is always false here).
    static func dependency(_ d: DependencyRequest) -> String {
        var fields = ["\"name\":" + string(d.name)]
        if !d.version.isEmpty { fields.append("\"version\":" + string(d.version)) }
        fields.append("\"repository\":" + string(d.repository))
        if !d.condition.isEmpty { fields.append("\"condition\":" + string(d.condition)) }
        if !d.tags.isEmpty { fields.append("\"tags\":[" + d.tags.map(string).joined(separator: ",") + "]") }
        if !d.importValues.isEmpty {
            let items = d.importValues.map { value -> String in
                switch value {
                case .name(let name): return string(name)
                // Go sorts map keys: child before parent.
                case .mapping(let child, let parent):
                    return "{\"child\":" + string(child) + ",\"parent\":" + string(parent) + "}"
                }
            }
            fields.append("\"import-values\":[" + items.joined(separator: ",") + "]")
        }
        if !d.alias.isEmpty { fields.append("\"alias\":" + string(d.alias)) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A JSON string as Go writes it with HTML escaping on (`<`, `>`, `&`, U+2028, U+2029 as `\u` escapes).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
