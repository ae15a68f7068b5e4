import GoTemplate

/// A compact, type-revealing rendering of a `Value` for assertions: `{a:f1,b:[s"x",n,btrue]}`.
/// Floats print with Swift's shortest form, so `f1000000.0` and `f1e+29` show exact values.
func dump(_ value: Value) -> String {
    switch value {
    case .null: return "n"
    case .bool(let bool): return "b\(bool)"
    case .int(let int, let kind): return "i\(kind.goName)(\(int))"
    case .float(let double): return "f\(double)"
    case .string(let string): return "s\"\(string)\""
    case .list(let items, _): return "[" + items.map(dump).joined(separator: ",") + "]"
    case .map(let map, _):
        return "{" + map.keys.sorted().map { "\($0):\(dump(map[$0]!))" }.joined(separator: ",") + "}"
    case .object(let object): return "o\(object.goTypeName)"
    }
}
