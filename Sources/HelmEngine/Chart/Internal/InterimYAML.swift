import Foundation
import GoTemplate
import Yams

// Interim YAML reading until the encoding module's GoYAML decoder is merged: it covers what
// chart loading needs (maps, lists, YAML 1.1 booleans, numbers as float64, nulls).
enum InterimYAML {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func decode(_ text: String) throws -> Value {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw Failure(description: "error converting YAML to JSON: yaml: \(error)")
        }
        guard let node else { return .null }
        return try convert(node, depth: 0)
    }

    private static func convert(_ node: Node, depth: Int) throws -> Value {
        if depth > 1000 { throw Failure(description: "error converting YAML to JSON: yaml: exceeded max depth") }
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            return plain(scalar.string)
        case .sequence(let sequence):
            return .list(try sequence.map { try convert($0, depth: depth + 1) })
        case .mapping(let mapping):
            var map: [String: Value] = [:]
            for (key, value) in mapping {
                let keyValue = try convert(key, depth: depth + 1)
                let keyText: String
                switch keyValue {
                case .string(let text): keyText = text
                case .bool(let flag): keyText = flag ? "true" : "false"
                case .float(let number): keyText = GoFloatFormat.shortestG(number)
                case .null: keyText = "null"
                default: keyText = "\(key.string ?? "")"
                }
                if keyText == "<<", case .map(let merged, _) = try convert(value, depth: depth + 1) {
                    for (mergedKey, mergedValue) in merged where map[mergedKey] == nil { map[mergedKey] = mergedValue }
                    continue
                }
                map[keyText] = try convert(value, depth: depth + 1)
            }
            return .map(map)
        case .alias:
            return .null
        }
    }

    private static func plain(_ text: String) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        if let number = Int(cleaned) { return .float(Double(number)) }
        if cleaned.hasPrefix("0x"), let number = Int(cleaned.dropFirst(2), radix: 16) { return .float(Double(number)) }
        if cleaned.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
            let number = Double(cleaned), !cleaned.lowercased().contains("n"), !cleaned.lowercased().contains("x")
        {
            return .float(number)
        }
        if [".inf", ".Inf", ".INF", "+.inf"].contains(text) { return .float(.infinity) }
        if ["-.inf", "-.Inf", "-.INF"].contains(text) { return .float(-.infinity) }
        return .string(text)
    }
}
