/// A Go struct or pointer that a template can read fields of and call methods on.
///
/// Helm's built-in objects (`.Release`, `.Chart`, `.Capabilities`, `.Files`, `.Template`) and
/// values that Sprig returns as Go structs (`*semver.Version`, `time.Time`, `*url.URL`) conform
/// to this. Field and method lookups follow Go: a name is either a field or a method; a method
/// is called with the arguments the template gives it.
public protocol GoObject: Sendable {
    /// Go's name for the type, as `printf "%T"` and Sprig's `typeOf` print it (`*chart.Metadata`).
    var goTypeName: String { get }
    /// The reflect kind, as Sprig's `kindOf` prints it (`.ptr` for a pointer to a struct).
    var goKind: GoKind { get }
    /// The value of the exported field `name`, or `nil` if the type has no such field.
    func field(_ name: String) -> Value?
    /// The exported method `name`, or `nil` if the type has no such method.
    func method(_ name: String) -> TemplateFunction?
    /// What Go's `fmt` prints for this value with `%v` where the template prints it (`{{ . }}`).
    var goDescription: String { get }
    /// What `fmt` prints when the value reaches a function (`print`, `printf`, `quote`) by value. It differs from
    /// ``goDescription`` only for a struct whose `String()` has a pointer receiver: text/template takes the
    /// address of a field it prints, a function gets a copy, so Go prints the struct's fields. Defaults to
    /// ``goDescription``.
    var goValueDescription: String { get }
    /// The value as `encoding/json` would see it (for `toJson`/`toYaml`), or `nil` to encode as `{}`.
    var jsonValue: Value? { get }
    /// For named slice and map types with methods (Helm's `common.VersionSet`, `engine.files`): the slice or
    /// map that `range`, `len`, `index` and key lookups see. `nil` for structs.
    var underlyingValue: Value? { get }
}

extension GoObject {
    public var goKind: GoKind { .ptr }
    public func field(_ name: String) -> Value? { nil }
    public func method(_ name: String) -> TemplateFunction? { nil }
    public var jsonValue: Value? { nil }
    public var underlyingValue: Value? { nil }
    public var goValueDescription: String { goDescription }
}
