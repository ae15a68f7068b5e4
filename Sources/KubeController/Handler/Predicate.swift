import KubeAPI

/// Decides whether an informer event should enqueue anything (controller-runtime's `predicate.Predicate`).
///
/// A controller drops an event unless every predicate of its watch passes it.
public protocol Predicate: Sendable {
    /// Whether `event` should reach the event handler.
    func shouldProcess(_ event: InformerEvent) -> Bool
}

/// Passes creates and deletes, and updates that change `metadata.generation`: spec changes of kinds that
/// have a generation (every custom resource), not status writes or resyncs (controller-runtime's
/// `GenerationChangedPredicate`).
public struct GenerationChangedPredicate: Predicate {
    /// Creates the predicate.
    public init() {}

    /// `false` only for updates with an unchanged generation.
    public func shouldProcess(_ event: InformerEvent) -> Bool {
        guard case .updated(let old, let new) = event else { return true }
        return old.generation != new.generation
    }
}

/// Like ``GenerationChangedPredicate``, but also passes updates that change labels, annotations (a
/// `reconcile.fluxcd.io/requestedAt` request), finalizers or the deletion timestamp: the metadata changes a
/// controller acts on although they leave the generation alone.
public struct GenerationOrMetadataChangedPredicate: Predicate {
    /// Creates the predicate.
    public init() {}

    /// `false` only for updates that change none of generation, labels, annotations, finalizers and
    /// `deletionTimestamp`.
    public func shouldProcess(_ event: InformerEvent) -> Bool {
        guard case .updated(let old, let new) = event else { return true }
        return old.generation != new.generation || old.labels != new.labels || old.annotations != new.annotations
            || old.finalizers != new.finalizers || old.deletionTimestamp != new.deletionTimestamp
    }
}

/// Passes updates whose resourceVersion changed, so periodic resyncs (which repeat the same object) are dropped
/// (controller-runtime's `ResourceVersionChangedPredicate`).
public struct ResourceVersionChangedPredicate: Predicate {
    /// Creates the predicate.
    public init() {}

    /// `false` only for updates with an unchanged resourceVersion.
    public func shouldProcess(_ event: InformerEvent) -> Bool {
        guard case .updated(let old, let new) = event else { return true }
        return old.resourceVersion != new.resourceVersion
    }
}

/// A predicate made from a closure.
public struct PredicateFunction: Predicate {
    private let body: @Sendable (InformerEvent) -> Bool

    /// Wraps `body`.
    public init(_ body: @escaping @Sendable (InformerEvent) -> Bool) { self.body = body }

    /// Calls the closure.
    public func shouldProcess(_ event: InformerEvent) -> Bool { body(event) }
}
