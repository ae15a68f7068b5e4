import GoTemplate

/// Go's `fmt` `%v` for values, as Helm's warnings print them.
enum GoFormat {
    static func value(_ value: Value) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number, _): return String(number)
        case .float(let number): return GoFloatFormat.shortestG(number)
        case .string(let text): return text
        case .list(let items, _): return "[" + items.map(Self.value).joined(separator: " ") + "]"
        case .map(let map, _):
            return "map[" + map.keys.sorted().map { "\($0):\(Self.value(map[$0]!))" }.joined(separator: " ") + "]"
        case .object(let object): return object.goDescription
        }
    }
}
