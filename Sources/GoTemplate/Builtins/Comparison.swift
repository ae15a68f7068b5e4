/// Go's template comparison functions (`eq`, `lt`, `le`) over basic kinds.
enum Comparison {
    private enum Kind: Equatable { case invalid, bool, int, uint, float, string }

    private static func basicKind(_ value: Value?) -> Kind {
        switch value {
        case .bool: .bool
        case .int(_, let k): k.isUnsigned ? .uint : .int
        case .float: .float
        case .string: .string
        default: .invalid
        }
    }

    private static func typeName(_ value: Value?) -> String {
        guard let value, !value.isNull else { return "<nil>" }
        return value.goTypeName
    }

    private static func intValue(_ v: Value?) -> Int { if case .int(let i, _) = v { return i }; return 0 }
    private static func uintValue(_ v: Value?) -> UInt64 {
        if case .int(let i, _) = v { return UInt64(bitPattern: Int64(i)) }
        return 0
    }

    /// `eq arg1 arg2...`: true if arg1 equals any later argument.
    static func eq(_ first: EvalValue, _ rest: [EvalValue]) throws -> Bool {
        let a = first.value.flatMap { $0.isNull ? nil : $0 }
        if rest.isEmpty { throw BuiltinError("missing argument for comparison") }
        let k1 = basicKind(a)
        for other in rest {
            let b = other.value.flatMap { $0.isNull ? nil : $0 }
            let k2 = basicKind(b)
            var truth = false
            if k1 != k2 {
                switch (k1, k2) {
                case (.int, .uint): truth = intValue(a) >= 0 && UInt64(intValue(a)) == uintValue(b)
                case (.uint, .int): truth = intValue(b) >= 0 && uintValue(a) == UInt64(intValue(b))
                default:
                    if a != nil && b != nil {
                        throw BuiltinError("incompatible types for comparison: \(typeName(a)) and \(typeName(b))")
                    }
                }
            } else {
                switch (a, b) {
                case (.bool(let x), .bool(let y)): truth = x == y
                case (.float(let x), .float(let y)): truth = x == y
                case (.string(let x), .string(let y)): truth = x == y
                case (.int, .int): truth = k1 == .uint ? uintValue(a) == uintValue(b) : intValue(a) == intValue(b)
                case (nil, nil): truth = true
                case (nil, _), (_, nil): truth = false
                case (.some(let x), .some(let y)):
                    if !comparable(x) || !comparable(y), x.goTypeName != y.goTypeName {
                        throw BuiltinError(
                            "non-comparable types \(GoFormatter.sprintf("%s", [x])): \(x.goTypeName), \(y.goTypeName): \(GoFormatter.format(y))")
                    }
                    if !comparable(y) {
                        throw BuiltinError("non-comparable type \(GoFormatter.sprintf("%s", [y])): \(y.goTypeName)")
                    }
                    truth = false
                }
            }
            if truth { return true }
        }
        return false
    }

    private static func comparable(_ v: Value) -> Bool {
        switch v {
        case .list, .map: false
        default: true
        }
    }

    /// `lt arg1 arg2`.
    static func lt(_ first: EvalValue, _ second: EvalValue) throws -> Bool {
        let a = first.value.flatMap { $0.isNull ? nil : $0 }
        let b = second.value.flatMap { $0.isNull ? nil : $0 }
        let k1 = basicKind(a)
        if k1 == .invalid { throw BuiltinError("invalid type for comparison") }
        let k2 = basicKind(b)
        if k2 == .invalid { throw BuiltinError("invalid type for comparison") }
        if k1 != k2 {
            switch (k1, k2) {
            case (.int, .uint): return intValue(a) < 0 || UInt64(intValue(a)) < uintValue(b)
            case (.uint, .int): return intValue(b) >= 0 && uintValue(a) < UInt64(intValue(b))
            default: throw BuiltinError("incompatible types for comparison: \(typeName(a)) and \(typeName(b))")
            }
        }
        switch (a, b) {
        case (.bool, .bool): throw BuiltinError("invalid type for comparison")
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)): return GoFormatter.goStringLess(x, y)
        case (.int, .int): return k1 == .uint ? uintValue(a) < uintValue(b) : intValue(a) < intValue(b)
        default: throw BuiltinError("invalid type for comparison")
        }
    }

    /// `le arg1 arg2`: `lt` or `eq`.
    static func le(_ first: EvalValue, _ second: EvalValue) throws -> Bool {
        if try lt(first, second) { return true }
        return try eq(first, [second])
    }
}
