/// Identifies an object across versions of its API: group, kind, namespace and name (the version is left out
/// because one object is served under every version of its group).
public struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The API group, empty for the core group.
    public var group: String
    /// The kind, e.g. `ConfigMap`.
    public var kind: String
    /// The namespace, empty for cluster-scoped objects.
    public var namespace: String
    /// The name.
    public var name: String

    /// Creates an ID.
    public init(group: String, kind: String, namespace: String, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `Kind.group ns/name` (`ConfigMap ns/name` for the core group), for messages.
    public var description: String {
        let type = group.isEmpty ? kind : "\(kind).\(group)"
        return namespace.isEmpty ? "\(type) \(name)" : "\(type) \(namespace)/\(name)"
    }

    /// The order objects are listed and applied in within one phase: group, kind, namespace, name.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.group, lhs.kind, lhs.namespace, lhs.name) < (rhs.group, rhs.kind, rhs.namespace, rhs.name)
    }
}
