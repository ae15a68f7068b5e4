import GoTemplate
/// A decoded YAML value before the JSON step: what go-yaml v2 puts in an `interface{}`
/// (`map[interface{}]interface{}` maps keep non-string keys and duplicates in order).
indirect enum YAMLNative {
    case scalar(YAMLScalar)
    case sequence([YAMLNative])
    case mapping([(key: YAMLNative, value: YAMLNative)])
}

extension YAMLNative {
    /// Go's `%#v` of the value, as go-yaml and sigs.k8s.io/yaml print it in error messages
    /// (`[]interface {}{1, "a"}`, `map[interface {}]interface {}{"a":1}`).
    var goSyntax: String {
        switch self {
        case .scalar(let scalar):
            switch scalar {
            case .null: return "<nil>"
            case .bool(let bool): return bool ? "true" : "false"
            case .int(let int): return String(int)
            case .uint(let uint): return "0x" + String(uint, radix: 16)
            case .bigInt(_, let text): return text
            case .float(let double): return GoFloat.format(double, .g, bits: 64)
            case .string(let string): return GoQuote.quote(string)
            }
        case .sequence(let items):
            return "[]interface {}{" + items.map(\.goSyntax).joined(separator: ", ") + "}"
        case .mapping(let pairs):
            // fmt sorts map keys; ordering by printed form is close enough for error text.
            let printed = pairs.map { ($0.key.goSyntax, $0.value.goSyntax) }.sorted { $0.0 < $1.0 }
            return "map[interface {}]interface {}{" + printed.map { "\($0.0):\($0.1)" }.joined(separator: ", ") + "}"
        }
    }

    /// The Go type name `%s` of `reflect.TypeOf` prints for a map key.
    var goTypeName: String {
        switch self {
        case .scalar(.null): "%!s(<nil>)"
        case .scalar(.bool): "bool"
        case .scalar(.int): "int"
        case .scalar(.uint): "uint64"
        case .scalar(.bigInt): "*big.Int"
        case .scalar(.float): "float64"
        case .scalar(.string): "string"
        case .sequence: "[]interface {}"
        case .mapping: "map[interface {}]interface {}"
        }
    }
}
