/// A value during execution, as Go's `reflect.Value` carries it.
///
/// `value == nil` is Go's invalid value (a missing map key under `missingkey=default`, an unset
/// variable, the result of an empty pipeline); `.null` is the nil interface. `boxed` records that the
/// static type is `interface {}` (an element of a `map[string]interface{}` or `[]interface{}` not yet
/// unwrapped by a pipeline), which changes Go's messages: `can't evaluate field x in type interface {}`.
struct EvalValue {
    var value: Value?
    var boxed: Bool

    static let invalid = EvalValue(value: nil, boxed: false)

    init(value: Value?, boxed: Bool) {
        self.value = value
        self.boxed = boxed
    }

    init(_ value: Value) {
        self.value = value
        self.boxed = false
    }

    /// The pipeline's unwrapping of `interface {}` values (nil interface becomes invalid).
    var unwrapped: EvalValue {
        guard boxed else { return self }
        if case .null = value { return .invalid }
        return EvalValue(value: value, boxed: false)
    }

    /// Go's name of the static type, for messages.
    var typeName: String {
        if boxed { return "interface {}" }
        guard let value else { return "<nil>" }
        return value.goTypeName
    }
}

extension Value {
    /// Go's name for the value's dynamic type, as `%T` and Sprig's `typeOf` print it (`<nil>` for the nil
    /// interface, `int64`, `[]interface {}`, `*semver.Version`).
    package var goTypeName: String {
        switch self {
        case .null: "<nil>"
        case .bool: "bool"
        case .int(_, let kind): kind.goName
        case .float: "float64"
        case .string: "string"
        case .list(_, let kind): kind.goName
        case .map(_, let kind): kind.goName
        case .object(let o): o.goTypeName
        }
    }

    /// Go's name for the value's dynamic type in runtime panics and conversion errors, which call the nil
    /// interface `nil` (`interface conversion: interface {} is nil, not string`).
    package var conversionTypeName: String {
        if case .null = self { return "nil" }
        return goTypeName
    }

    /// Go's template truth (`isTrue`): false for zero numbers, empty strings and collections, nil.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .int(let i, _): i != 0
        case .float(let f): f != 0
        case .string(let s): !s.isEmpty
        case .list(let l, _): !l.isEmpty
        case .map(let m, let kind):
            if case .shared(let reference) = kind { !reference.isEmpty } else { !m.isEmpty }
        case .object(let complex as GoComplex): complex.real != 0 || complex.imag != 0
        case .object(let object): object.underlyingValue?.isTruthy ?? true
        }
    }

    /// For a named slice or map type with methods (a ``GoObject`` with an ``GoObject/underlyingValue``), that
    /// slice or map, which `range`, `len`, `index` and `slice` see; otherwise the value itself.
    /// Whether the value is a map with no entries now (a tagged map's reference decides).
    var isEmptyMap: Bool {
        guard case .map(let m, let kind) = self else { return false }
        if case .shared(let reference) = kind { return reference.isEmpty }
        return m.isEmpty
    }

    var unwrappingNamedType: Value {
        if case .object(let object) = self, let underlying = object.underlyingValue { return underlying }
        return self
    }
}

extension ElementKind {
    /// Whether elements have static type `interface {}`.
    var isInterface: Bool { self == .interface }
}

extension MapKind {
    /// Whether elements have static type `interface {}` (Helm's `chartutil.Values` is such a map).
    var isInterface: Bool {
        if case .string = base { return false }
        return true
    }
}
