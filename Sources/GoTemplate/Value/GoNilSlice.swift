/// A nil Go slice: what Sprig's `rest` and `initial` of an empty list, `concat` of nothing and `regexFindAll`/
/// `regexSplit` with `n` 0 return. It has its slice type (`typeOf`, `kindOf`), prints as `[]` and is empty like an
/// empty slice, but `encoding/json` writes it as `null` (so `toJson` and `toYaml` print `null`) and `%#v` as
/// `[]string(nil)`.
package struct GoNilSlice: GoObject {
    /// The slice's element type.
    package let kind: ElementKind

    package init(_ kind: ElementKind) { self.kind = kind }

    package var goTypeName: String { kind.goName }
    package var goKind: GoKind { .slice }
    package var goDescription: String { "[]" }
    package var jsonValue: Value? { .null }
    package var underlyingValue: Value? { .list([], kind) }
}

extension Value {
    /// A nil slice of element type `kind` (see ``GoNilSlice``).
    package static func nilList(_ kind: ElementKind) -> Value { .object(GoNilSlice(kind)) }

    /// The elements of a value whose reflect kind is slice: a Go slice, a nil slice, or a named slice type such as
    /// Helm's `common.VersionSet` (`.Capabilities.APIVersions`); `nil` for every other value.
    package var sliceItems: [Value]? {
        switch self {
        case .list(let items, _): return items
        case .object(let object) where object.goKind == .slice:
            if case .list(let items, _)? = object.underlyingValue { return items }
            return nil
        default: return nil
        }
    }

    /// The element type of a slice-kinded value (see ``sliceItems``).
    package var sliceKind: ElementKind? {
        switch self {
        case .list(_, let kind): return kind
        case .object(let object) where object.goKind == .slice:
            if case .list(_, let kind)? = object.underlyingValue { return kind }
            return nil
        default: return nil
        }
    }
}
