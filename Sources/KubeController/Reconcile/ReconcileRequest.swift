public import KubeAPI

/// What a reconciler is asked to reconcile: only the object's key, never the event that caused it.
///
/// Reconciliation is level-based (controller-runtime's `reconcile.Request`): the reconciler reads the current state
/// from a cache or the API and drives the world towards it, so many events for one object collapse into one request.
public struct ReconcileRequest: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The namespace and name of the object to reconcile.
    public var key: ObjectKey

    /// Creates a request for `key`.
    public init(_ key: ObjectKey) { self.key = key }

    /// Creates a request for the object at `namespace`/`name`.
    public init(namespace: String = "", name: String) { key = ObjectKey(namespace: namespace, name: name) }

    /// `namespace/name`.
    public var description: String { key.description }

    /// Orders by key.
    public static func < (lhs: ReconcileRequest, rhs: ReconcileRequest) -> Bool { lhs.key < rhs.key }
}
