import Foundation
import GoTemplate

/// JSON Schema's instance types, in the library's order (which its messages list them in).
enum SchemaType: CaseIterable {
    case null, boolean, number, integer, string, array, object, invalid

    var name: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .number: "number"
        case .integer: "integer"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .invalid: "invalid"
        }
    }

    static func of(_ value: Value) -> SchemaType {
        switch value {
        case .null: .null
        case .bool: .boolean
        case .int, .float: .number
        case .string: .string
        case .list(_, .interface): .array
        case .map(_, .interface): .object
        default: .invalid
        }
    }

    /// The types a `type` keyword names (a string or an array of strings).
    static func list(_ keyword: JSONValue) -> [SchemaType] {
        func named(_ text: String) -> SchemaType? { allCases.first { $0.name == text && $0 != .invalid } }
        switch keyword {
        case .string(let text): return named(text).map { [$0] } ?? []
        case .array(let items):
            return items.compactMap { if case .string(let text) = $0 { named(text) } else { nil } }
        default: return []
        }
    }
}

/// JSON equality between a value and a schema constant (numbers compare by value).
enum SchemaEquality {
    static func equal(_ value: Value, _ json: JSONValue) -> Bool {
        switch (value, json) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.int, .number(let text)), (.float, .number(let text)):
            return value.doubleValue == Double(text)
        case (.list(let items, _), .array(let others)):
            return items.count == others.count && zip(items, others).allSatisfy { equal($0, $1) }
        case (.map(let map, _), .object(let members)):
            var other: [String: JSONValue] = [:]
            for member in members { other[member.key] = member.value }
            return map.count == other.count
                && map.allSatisfy { key, item in other[key].map { equal(item, $0) } ?? false }
        default: return false
        }
    }

    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.int, .int), (.int, .float), (.float, .int), (.float, .float): return a.doubleValue == b.doubleValue
        case (.list(let x, _), .list(let y, _)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.map(let x, _), .map(let y, _)):
            return x.count == y.count && x.allSatisfy { key, item in y[key].map { equal(item, $0) } ?? false }
        default: return false
        }
    }
}

/// A compiled `patternProperties` key.
struct NSRegularExpressionBox {
    let regex: NSRegularExpression

    init(_ regex: NSRegularExpression) { self.regex = regex }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
    }
}
