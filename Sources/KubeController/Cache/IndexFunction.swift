public import KubeAPI

/// Computes the index values of an object for a named ``Cache`` index (client-go's `IndexFunc`).
///
/// An object may have any number of values; ``Cache/byIndex(_:_:)`` finds every object with a given value.
///
/// ```swift
/// // HelmReleases by the Secrets their values come from, so a Secret change finds them.
/// cache.addIndex("valuesFrom.secret", IndexFunction { release in
///     (release["spec", "valuesFrom"]?.arrayValue ?? []).compactMap { ref in
///         ref["kind"]?.stringValue == "Secret" ? ref["name"]?.stringValue.map { "\(release.namespace)/\($0)" } : nil
///     }
/// })
/// ```
public struct IndexFunction: Sendable {
    /// The function.
    public let values: @Sendable (KubeObject) -> [String]

    /// Wraps a function returning an object's index values.
    public init(_ values: @escaping @Sendable (KubeObject) -> [String]) { self.values = values }

    /// Indexes by `metadata.namespace` (client-go's `MetaNamespaceIndexFunc`).
    public static let namespace = IndexFunction { [$0.namespace] }

    /// Indexes by the value of the label `key`; objects without it are not indexed.
    public static func label(_ key: String) -> IndexFunction {
        IndexFunction { object in object.labels[key].map { [$0] } ?? [] }
    }

    /// Indexes by the string (or number or Boolean, as text) at a path of object keys, e.g. `["spec", "chart"]`;
    /// objects without a scalar there are not indexed.
    public static func field(_ path: [String]) -> IndexFunction {
        IndexFunction { object in
            guard let value = object.json.value(at: path) else { return [] }
            if let string = value.stringValue { return [string] }
            if let int = value.intValue { return [String(int)] }
            if let bool = value.boolValue { return [String(bool)] }
            return []
        }
    }
}
