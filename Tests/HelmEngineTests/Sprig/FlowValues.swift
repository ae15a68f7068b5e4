import Foundation
import GoTemplate

/// Reads the small values files of the `sprig-*` corpus (top-level `key: value` lines with plain,
/// quoted, `[a, b]` and `{k: v}` values) the way Helm sees them: YAML 1.1 booleans, every number a
/// float64, in a `common.Values` map. A stopgap until this target can use the HelmEngine's YAML reader;
/// anything beyond that subset returns nil and the case is skipped.
enum FlowValues {
    static func parse(_ text: String) -> Value? {
        var result: [String: Value] = [:]
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard !line.hasPrefix(" "), let colon = line.firstIndex(of: ":") else { return nil }
            var rest = Substring(line[line.index(after: colon)...]).drop { $0 == " " }
            guard let value = parseValue(&rest), rest.allSatisfy({ $0 == " " }) else { return nil }
            result[key(String(line[..<colon]))] = value
        }
        return .map(result, .named("common.Values"))
    }

    /// YAML 1.1 keys that read as booleans become "true"/"false" through JSON.
    static func key(_ text: String) -> String {
        if case .bool(let b) = scalar(text) { return b ? "true" : "false" }
        return text
    }

    static func scalar(_ text: String) -> Value {
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        case "", "~", "null", "Null", "NULL": return .null
        default:
            if let d = Double(text), text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
                return .float(d)
            }
            return .string(text)
        }
    }

    static func parseValue(_ s: inout Substring) -> Value? {
        s = s.drop { $0 == " " }
        guard let first = s.first else { return .null }
        switch first {
        case "[":
            s = s.dropFirst()
            var items: [Value] = []
            while true {
                s = s.drop { $0 == " " }
                if s.first == "]" {
                    s = s.dropFirst()
                    return .list(items)
                }
                guard let item = parseValue(&s) else { return nil }
                items.append(item)
                s = s.drop { $0 == " " }
                if s.first == "," { s = s.dropFirst() }
            }
        case "{":
            s = s.dropFirst()
            var dict: [String: Value] = [:]
            while true {
                s = s.drop { $0 == " " }
                if s.first == "}" {
                    s = s.dropFirst()
                    return .map(dict)
                }
                guard let colon = s.firstIndex(of: ":") else { return nil }
                let name = key(String(s[..<colon]).trimmingCharacters(in: .whitespaces))
                s = s[s.index(after: colon)...]
                guard let value = parseValue(&s) else { return nil }
                dict[name] = value
                s = s.drop { $0 == " " }
                if s.first == "," { s = s.dropFirst() }
            }
        case "\"":
            s = s.dropFirst()
            var out = ""
            while let c = s.first {
                s = s.dropFirst()
                if c == "\"" { return .string(out) }
                if c == "\\", let e = s.first {
                    s = s.dropFirst()
                    switch e {
                    case "n": out += "\n"
                    case "t": out += "\t"
                    default: out.append(e)
                    }
                } else {
                    out.append(c)
                }
            }
            return nil
        default:
            let end = s.firstIndex { $0 == "," || $0 == "]" || $0 == "}" } ?? s.endIndex
            let text = s[..<end].trimmingCharacters(in: .whitespaces)
            s = s[end...]
            return scalar(text)
        }
    }
}
