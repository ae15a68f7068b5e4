/// The namespace and name that identify an object of a known kind, as controller-runtime's `client.ObjectKey`.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The namespace; empty for cluster-scoped objects.
    public var namespace: String
    /// The object's name.
    public var name: String

    /// Creates a key; leave `namespace` empty for a cluster-scoped object.
    public init(namespace: String = "", name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// `namespace/name`, or just `name` when cluster-scoped.
    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    /// Orders by namespace, then name.
    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}
