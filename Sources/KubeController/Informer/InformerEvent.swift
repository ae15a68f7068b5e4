public import KubeAPI

/// A change an ``Informer`` delivers to its handlers, after its ``Cache`` holds the new state.
public enum InformerEvent: Sendable, Hashable {
    /// An object appeared (in the first list, a relist, or a watch ADDED event).
    case added(KubeObject)
    /// An object changed; a periodic resync delivers every cached object as `updated` with `old == new`.
    case updated(old: KubeObject, new: KubeObject)
    /// An object went away: a watch DELETED event, or missing from a relist (deleted while the watch was down);
    /// the object is its last known state.
    case deleted(KubeObject)

    /// The object's newest state (the deleted object's last state for ``deleted(_:)``).
    public var object: KubeObject {
        switch self {
        case .added(let object), .deleted(let object): object
        case .updated(_, let new): new
        }
    }
}
