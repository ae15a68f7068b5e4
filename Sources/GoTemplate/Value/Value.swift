/// A Go value as `text/template` sees it.
///
/// Helm's output depends on Go's dynamic types: numbers read from values files are `float64`
/// (`1000000` prints as `1e+06`), Sprig returns `int` or `int64`, `split` returns a
/// `map[string]string` and `splitList` a `[]string`. The cases below keep exactly the type
/// information that changes what a template prints, compares or reports through `typeOf`.
public enum Value: Sendable {
    /// The nil interface: a missing map key, a JSON `null`, `nil` in a template.
    case null
    /// A Go `bool`.
    case bool(Bool)
    /// A Go integer; ``IntKind`` records which integer type (`int`, `int64`, ...).
    case int(Int, IntKind)
    /// A Go `float64`.
    case float(Double)
    /// A Go `string`.
    case string(String)
    /// A Go slice; ``ElementKind`` records its element type (`[]interface {}`, `[]string`, ...).
    case list([Value], ElementKind)
    /// A Go map with string keys; ``MapKind`` records its type (`map[string]interface {}`, ...).
    /// Iteration and printing use sorted keys, as Go's `fmt` and `text/template` do.
    case map([String: Value], MapKind)
    /// Any other Go value: structs and pointers with fields and methods (`.Release`,
    /// `.Capabilities`, `.Files`, `*semver.Version`, `time.Time`, ...).
    case object(any GoObject)
}

extension Value {
    /// A Go `int`.
    @inlinable public static func int(_ value: Int) -> Value { .int(value, .int) }
    /// A `[]interface {}`.
    @inlinable public static func list(_ values: [Value]) -> Value { .list(values, .interface) }
    /// A `map[string]interface {}`.
    @inlinable public static func map(_ values: [String: Value]) -> Value { .map(values, .interface) }
}

/// Go's integer types that templates meet.
public enum IntKind: Sendable, Hashable {
    case int, int8, int16, int32, int64
    case uint, uint8, uint16, uint32, uint64

    /// Go's name for the type, as `printf "%T"` prints it.
    public var goName: String {
        switch self {
        case .int: "int"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .uint: "uint"
        case .uint8: "uint8"
        case .uint16: "uint16"
        case .uint32: "uint32"
        case .uint64: "uint64"
        }
    }

    /// Whether the type is unsigned (Go's `reflect.Uint*` kinds).
    public var isUnsigned: Bool {
        switch self {
        case .uint, .uint8, .uint16, .uint32, .uint64: true
        default: false
        }
    }
}

/// The element type of a Go slice.
public enum ElementKind: Sendable, Hashable {
    /// `[]interface {}`: lists from values files, `list`, `append`, `fromYamlArray`.
    case interface
    /// `[]string`: `splitList`, `toStrings`, `keys`, `sortAlpha`, `regexFindAll`, `.Files.Lines`.
    case string
    /// `[]int`: `until`, `untilStep`.
    case int
    /// `[]uint8` (`[]byte`): `.Files.GetBytes`.
    case uint8
    /// `[]float64`.
    case float64
    /// `[][]interface {}`: Sprig's `chunk`.
    case interfaceSlice

    /// Go's name for the slice type, as `printf "%T"` prints it.
    public var goName: String {
        switch self {
        case .interface: "[]interface {}"
        case .string: "[]string"
        case .int: "[]int"
        case .uint8: "[]uint8"
        case .float64: "[]float64"
        case .interfaceSlice: "[][]interface {}"
        }
    }
}

/// The type of a Go map with string keys.
///
/// Equality and hashing compare Go types only: a ``shared(_:)`` map equals its ``MapReference/kind``.
public enum MapKind: Sendable, Hashable {
    /// `map[string]interface {}`: maps from values files, `dict`, `fromYaml`.
    case interface
    /// `map[string]string`: `split`, `.Files.AsConfig` input, label maps.
    case string
    /// A named map type such as Helm's `chartutil.Values` (the type of `.Values`).
    case named(String)
    /// A map with Go's reference identity during template execution: the executor tags maps it meets so that
    /// `set`, `unset` and `merge` through one path are seen through every other path to the same map. The
    /// map's current entries live in the reference; the payload beside it is a snapshot.
    case shared(MapReference)

    /// Go's name for the map type, as `printf "%T"` prints it.
    public var goName: String {
        switch self {
        case .interface: "map[string]interface {}"
        case .string: "map[string]string"
        case .named(let name): name
        case .shared(let reference): reference.kind.goName
        }
    }

    /// The Go type without execution identity (never ``shared(_:)``).
    public var base: MapKind {
        if case .shared(let reference) = self { return reference.kind }
        return self
    }

    public static func == (lhs: MapKind, rhs: MapKind) -> Bool {
        switch (lhs.base, rhs.base) {
        case (.interface, .interface), (.string, .string): true
        case (.named(let a), .named(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch base {
        case .interface: hasher.combine(0)
        case .string: hasher.combine(1)
        case .named(let name): hasher.combine(name)
        case .shared: hasher.combine(3)
        }
    }
}

/// Go's `reflect.Kind` names, as Sprig's `kindOf` reports them.
public enum GoKind: String, Sendable, Hashable {
    case invalid, bool, int, int8, int16, int32, int64
    case uint, uint8, uint16, uint32, uint64
    case float64, string, slice, map, `struct`, ptr, `func`, interface
    case complex128
}
