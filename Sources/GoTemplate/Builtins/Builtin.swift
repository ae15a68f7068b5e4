/// Go's predefined template functions (`text/template`'s `builtins`), with Go's exact semantics.
enum Builtin: String, CaseIterable {
    case and, or, not, len, index, slice, print, printf, println, html, js, urlquery
    case eq, ne, lt, le, gt, ge, call

    private static let oneValueVariadic: ([ParamType], ParamType?) = ([.reflectValue], .reflectValue)
    private static let oneValue: ([ParamType], ParamType?) = ([.reflectValue], nil)
    private static let anyVariadic: ([ParamType], ParamType?) = ([], .go(.any))
    private static let format: ([ParamType], ParamType?) = ([.go(.string)], .go(.any))
    private static let twoValues: ([ParamType], ParamType?) = ([.reflectValue, .reflectValue], nil)

    /// Parameter types (Go's signatures; most take `reflect.Value` and so see values unconverted).
    var signature: ([ParamType], ParamType?) {
        switch self {
        case .and, .or, .index, .slice, .eq, .call: Builtin.oneValueVariadic
        case .not, .len: Builtin.oneValue
        case .print, .println, .html, .js, .urlquery: Builtin.anyVariadic
        case .printf: Builtin.format
        case .ne, .lt, .le, .gt, .ge: Builtin.twoValues
        }
    }

    func call(_ argv: [EvalValue], executor: Executor, args: ArraySlice<Operand>, final: EvalValue?) throws -> EvalValue
    {
        switch self {
        case .and, .or:
            return argv.last ?? .invalid  // Short-circuiting happens in the executor.
        case .not:
            return EvalValue(.bool(!(argv[0].value?.isTruthy ?? false)))
        case .len:
            return EvalValue(.int(try Builtin.length(argv[0])))
        case .index:
            return try Builtin.index(argv[0], Array(argv.dropFirst()))
        case .slice:
            return try Builtin.slice(argv[0], Array(argv.dropFirst()))
        case .print:
            return EvalValue(.string(GoFormatter.sprint(argv.map { $0.value ?? .null })))
        case .println:
            return EvalValue(.string(GoFormatter.sprintln(argv.map { $0.value ?? .null })))
        case .printf:
            guard case .string(let format) = argv[0].value else { return EvalValue(.string("")) }
            return EvalValue(.string(GoFormatter.sprintf(format, argv.dropFirst().map { $0.value ?? .null })))
        case .html:
            return EvalValue(.string(Escaping.html(Builtin.evalArgs(argv))))
        case .js:
            return EvalValue(.string(Escaping.js(Builtin.evalArgs(argv))))
        case .urlquery:
            return EvalValue(.string(Escaping.queryEscape(Builtin.evalArgs(argv))))
        case .eq:
            return EvalValue(.bool(try Comparison.eq(argv[0], Array(argv.dropFirst()))))
        case .ne:
            return EvalValue(.bool(!(try Comparison.eq(argv[0], [argv[1]]))))
        case .lt:
            return EvalValue(.bool(try Comparison.lt(argv[0], argv[1])))
        case .le:
            return EvalValue(.bool(try Comparison.le(argv[0], argv[1])))
        case .gt:
            return EvalValue(.bool(!(try Comparison.le(argv[0], argv[1]))))
        case .ge:
            return EvalValue(.bool(!(try Comparison.lt(argv[0], argv[1]))))
        case .call:
            // fluxhelm's values hold no Go func values, so the callee is never a function.
            let callee = argv[0]
            let name = args.first?.node.goString ?? ""
            guard let value = callee.value, !(value.isNull) else { throw BuiltinError("call of nil") }
            throw BuiltinError("non-function \(name) of type \(value.goTypeName)")
        }
    }

    /// Go's `evalArgs`: a single string as is, else `fmt.Sprint` with invalid values as `<no value>`.
    static func evalArgs(_ argv: [EvalValue]) -> String {
        if argv.count == 1, case .string(let s) = argv[0].value { return s }
        return GoFormatter.sprint(
            argv.map { v -> Value in
                guard let value = v.value, !value.isNull else { return .string("<no value>") }
                return value
            })
    }

    static func length(_ item: EvalValue) throws -> Int {
        guard let value = item.value?.unwrappingNamedType else {
            throw BuiltinError("reflect: call of reflect.Value.Type on zero Value")
        }
        switch value {
        case .null: throw BuiltinError("len of nil pointer")
        case .string(let s): return GoBytes.count(of: s)
        case .list(let l, _): return l.count
        case .map(let m, _): return m.count
        default:
            // text/template dereferences a pointer before it asks for the length.
            let name = value.goTypeName
            throw BuiltinError("len of type \(name.hasPrefix("*") ? String(name.dropFirst()) : name)")
        }
    }

    /// Go's `indexArg`.
    private static func indexArgument(_ index: EvalValue, cap: Int) throws -> Int {
        guard let value = index.value, !value.isNull else { throw BuiltinError("cannot index slice/array with nil") }
        guard case .int(let x, _) = value else {
            throw BuiltinError("cannot index slice/array with type \(value.goTypeName)")
        }
        if x < 0 || x > cap { throw BuiltinError("index out of range: \(x)") }
        return x
    }

    static func index(_ item: EvalValue, _ indexes: [EvalValue]) throws -> EvalValue {
        guard var current = item.value?.unwrappingNamedType, !current.isNull else {
            throw BuiltinError("index of untyped nil")
        }
        var boxed = item.boxed
        for index in indexes {
            if current.isNull { throw BuiltinError("index of nil pointer") }
            switch current {
            case .list(let items, let kind):
                let x = try indexArgument(index, cap: items.count)
                if x == items.count { throw BuiltinError("reflect: slice index out of range") }
                current = items[x]
                boxed = kind.isInterface
            case .string(let s):
                let bytes = GoBytes.bytes(of: s)
                let x = try indexArgument(index, cap: bytes.count)
                if x == bytes.count { throw BuiltinError("reflect: string index out of range") }
                current = .int(Int(bytes[x]), .uint8)
                boxed = false
            case .map(let map, let kind):
                guard let key = index.value, !key.isNull else {
                    throw BuiltinError("value is nil; should be of type string")
                }
                guard case .string(let name) = key else {
                    throw BuiltinError("value has type \(key.goTypeName); should be string")
                }
                boxed = kind.isInterface
                current = map[name] ?? (kind.isInterface ? .null : .string(""))
            default:
                throw BuiltinError("can't index item of type \(boxed ? "interface {}" : current.goTypeName)")
            }
        }
        return EvalValue(value: current, boxed: boxed)
    }

    static func slice(_ item: EvalValue, _ indexes: [EvalValue]) throws -> EvalValue {
        guard let value = item.value?.unwrappingNamedType, !value.isNull else {
            throw BuiltinError("slice of untyped nil")
        }
        if indexes.count > 3 { throw BuiltinError("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch value {
        case .string(let s):
            if indexes.count == 3 { throw BuiltinError("cannot 3-index slice a string") }
            count = GoBytes.count(of: s)
        case .list(let l, _): count = l.count
        default: throw BuiltinError("can't slice item of type \(value.goTypeName)")
        }
        var idx = [0, count, count]
        for (i, index) in indexes.enumerated() { idx[i] = try indexArgument(index, cap: count) }
        if idx[0] > idx[1] { throw BuiltinError("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw BuiltinError("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch value {
        case .string(let s):
            return EvalValue(.string(GoBytes.string(from: GoBytes.bytes(of: s)[idx[0]..<idx[1]])))
        case .list(let l, let kind):
            return EvalValue(.list(Array(l[idx[0]..<idx[1]]), kind))
        default:
            return .invalid
        }
    }
}

/// A failure inside a built-in, reported as `error calling NAME: MESSAGE`.
struct BuiltinError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension Value {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
