/// A JSON value kept exactly as a release record holds it.
///
/// Release records carry free-form JSON (user values in `config`, chart defaults in `chart.values`, fields a
/// newer Helm adds). Numbers keep their literal text so that a record read and written again is unchanged,
/// and objects print with sorted keys, as Go's `encoding/json` prints maps. (KubeAPI's `JSONValue` turns
/// numbers into `Int64`/`Double`, which would rewrite Helm's literals; this type is the lossless form.)
public enum LosslessJSON: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its JSON literal text (for example `1`, `2.5`, `1e+06`).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([LosslessJSON])
    /// An object; written with keys in byte order, as Go writes a map.
    case object([String: LosslessJSON])
}

extension LosslessJSON {
    /// A number from an integer.
    public static func int(_ value: Int) -> LosslessJSON { .number(String(value)) }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object's members, if this is an object.
    public var objectValue: [String: LosslessJSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [LosslessJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, if this is a number.
    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The member named `key`, if this is an object that has it.
    public subscript(key: String) -> LosslessJSON? {
        objectValue?[key]
    }
}

extension LosslessJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A number value.
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    /// A boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array value.
    public init(arrayLiteral elements: LosslessJSON...) { self = .array(elements) }
    /// An object value; a repeated key keeps the last value.
    public init(dictionaryLiteral elements: (String, LosslessJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
}
