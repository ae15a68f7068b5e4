import GoTemplate

/// sigs.k8s.io/yaml's step from go-yaml values to JSON and back into `interface{}`: map keys
/// become strings (`true`, `1`, floats with 32-bit `%g`), numbers become `float64`, and values
/// JSON cannot hold (NaN, ±Inf) fail.
struct YAMLToJSON {
    /// The first value encoding/json refused (`+Inf`, `NaN`), reported after key errors.
    private(set) var unsupportedValue: String?

    /// Nesting handled before asking for a deeper stack (see ``DeepStack``).
    let depthLimit: Int

    init(depthLimit: Int = Int.max) { self.depthLimit = depthLimit }

    mutating func convert(_ native: YAMLNative, depth: Int = 0) throws(YAMLSyntaxError) -> Value {
        if depth > depthLimit { throw .deepStack }
        switch native {
        case .scalar(let scalar):
            switch scalar {
            case .null: return .null
            case .bool(let bool): return .bool(bool)
            case .int(let int): return .float(Double(int))
            case .uint(let uint): return .float(Double(uint))
            case .bigInt(let approx, _): return .float(approx)
            case .float(let double):
                if !double.isFinite, unsupportedValue == nil { unsupportedValue = GoFloat.format(double, .g) }
                return .float(double)
            case .string(let string): return .string(string)
            }
        case .sequence(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try convert(item, depth: depth + 1)) }
            return .list(values, .interface)
        case .mapping(let pairs):
            var map: [String: Value] = [:]
            map.reserveCapacity(pairs.count)
            for (key, value) in pairs {
                map[try Self.keyString(key, value: value)] = try convert(value, depth: depth + 1)
            }
            return .map(map, .interface)
        }
    }

    private static func keyString(_ key: YAMLNative, value: YAMLNative) throws(YAMLSyntaxError) -> String {
        switch key {
        case .scalar(.string(let string)): return string
        case .scalar(.int(let int)): return String(int)
        case .scalar(.bool(let bool)): return bool ? "true" : "false"
        case .scalar(.float(let double)):
            if double.isNaN { return ".nan" }
            if double.isInfinite { return double < 0 ? "-.inf" : ".inf" }
            return GoFloat.format(double, .g, bits: 32)
        default:
            let printedKey = key.goTypeName == "%!s(<nil>)" ? "<nil>" : key.goSyntax
            throw YAMLSyntaxError(
                "unsupported map key of type: \(key.goTypeName), key: \(printedKey), value: \(value.goSyntax)")
        }
    }
}
