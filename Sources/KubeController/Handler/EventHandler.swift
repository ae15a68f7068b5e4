public import KubeAPI

/// Turns an informer event into the reconcile requests to enqueue (controller-runtime's `handler.EventHandler`).
///
/// The primary kind of a controller uses ``EnqueueRequestForObject``; a secondary kind maps its objects to the
/// primary objects that depend on them with ``EnqueueRequestsFromMapFunc`` or ``EnqueueRequestForOwner``.
public protocol EventHandler: Sendable {
    /// The requests `event` causes.
    func requests(for event: InformerEvent) -> [ReconcileRequest]
}

/// Enqueues the object the event is about (controller-runtime's `handler.EnqueueRequestForObject`).
public struct EnqueueRequestForObject: EventHandler {
    /// Creates the handler.
    public init() {}

    /// The event's object key.
    public func requests(for event: InformerEvent) -> [ReconcileRequest] { [ReconcileRequest(event.object.key)] }
}

/// Enqueues whatever a function maps the event's object to (controller-runtime's
/// `handler.EnqueueRequestsFromMapFunc`). For updates both the old and the new object are mapped, so a
/// reference that was removed still reaches the object that had it.
///
/// ```swift
/// // A Secret change → every HelmRelease that takes values from it, through an index on the release cache.
/// let handler = EnqueueRequestsFromMapFunc { secret in
///     ((try? releases.byIndex("valuesFrom.secret", "\(secret.namespace)/\(secret.name)")) ?? [])
///         .map { ReconcileRequest($0.key) }
/// }
/// ```
public struct EnqueueRequestsFromMapFunc: EventHandler {
    private let map: @Sendable (KubeObject) -> [ReconcileRequest]

    /// Wraps the mapping function.
    public init(_ map: @escaping @Sendable (KubeObject) -> [ReconcileRequest]) { self.map = map }

    /// The mapped requests, without duplicates, in first-seen order.
    public func requests(for event: InformerEvent) -> [ReconcileRequest] {
        var mapped: [ReconcileRequest]
        switch event {
        case .added(let object), .deleted(let object): mapped = map(object)
        case .updated(let old, let new): mapped = map(new) + (old == new ? [] : map(old))
        }
        var seen = Set<ReconcileRequest>()
        return mapped.filter { seen.insert($0).inserted }
    }
}

/// Enqueues the owner of the event's object, from its `ownerReferences` (controller-runtime's
/// `handler.EnqueueRequestForOwner`): the entry of kind `ownerKind` (and API group), optionally only the one
/// marked `controller: true`. Owners share the object's namespace, as Kubernetes requires.
public struct EnqueueRequestForOwner: EventHandler {
    /// The owner's kind.
    public var ownerKind: GroupVersionKind
    /// Only the owner reference marked as controller. Default: `true`.
    public var onlyController: Bool

    /// Creates the handler.
    public init(ownerKind: GroupVersionKind, onlyController: Bool = true) {
        self.ownerKind = ownerKind
        self.onlyController = onlyController
    }

    /// The matching owners of the event's object (and, for updates, of its old state).
    public func requests(for event: InformerEvent) -> [ReconcileRequest] {
        var objects = [event.object]
        if case .updated(let old, let new) = event, old != new { objects.append(old) }
        var seen = Set<ReconcileRequest>()
        var requests: [ReconcileRequest] = []
        for object in objects {
            for owner in object.metadata.ownerReferences {
                let gvk = GroupVersionKind(apiVersion: owner.apiVersion, kind: owner.kind)
                guard gvk.group == ownerKind.group, gvk.kind == ownerKind.kind else { continue }
                if onlyController && !owner.controller { continue }
                let request = ReconcileRequest(namespace: object.namespace, name: owner.name)
                if seen.insert(request).inserted { requests.append(request) }
            }
        }
        return requests
    }
}
