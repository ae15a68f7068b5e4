/// The logic of one controller: drive the object named by a request towards its desired state.
///
/// The controller calls ``reconcile(_:)`` from up to `maxConcurrentReconciles` workers, never with the same key
/// twice at once. What the call does next decides what the controller does:
///
/// | outcome                                 | controller does                                  |
/// |-----------------------------------------|--------------------------------------------------|
/// | returns ``ReconcileResult/done``        | forgets the key's backoff                        |
/// | returns `requeueAfter: d`               | forgets the backoff, reconciles again after `d`  |
/// | throws ``TerminalError``                | records the error, does not retry                |
/// | throws anything else                    | retries with the rate limiter's per-key backoff  |
///
/// ```swift
/// struct Echo: Reconciler {
///     let cache: Cache
///     func reconcile(_ request: ReconcileRequest) async throws -> ReconcileResult {
///         guard let object = cache.get(request.key) else { return .done }  // deleted
///         print(object.name)
///         return .done
///     }
/// }
/// ```
public protocol Reconciler: Sendable {
    /// Reconciles one object.
    ///
    /// - Parameter request: the key of the object to reconcile (it may no longer exist).
    /// - Returns: whether and when to reconcile the key again.
    /// - Throws: ``TerminalError`` to stop retrying; any other error to retry with backoff.
    func reconcile(_ request: ReconcileRequest) async throws -> ReconcileResult
}

/// A reconciler made from a closure, for small controllers and tests.
public struct ReconcilerFunction: Reconciler {
    private let body: @Sendable (ReconcileRequest) async throws -> ReconcileResult

    /// Wraps `body`.
    public init(_ body: @escaping @Sendable (ReconcileRequest) async throws -> ReconcileResult) { self.body = body }

    /// Calls the closure.
    public func reconcile(_ request: ReconcileRequest) async throws -> ReconcileResult { try await body(request) }
}
