/// What a successful reconcile asks for next.
///
/// A reconcile that wants nothing more returns ``done``. One that must look again later (polling an external
/// system, a periodic drift check) sets ``requeueAfter``: the request comes back after that long, and its error
/// backoff is reset. To retry with backoff, throw instead.
public struct ReconcileResult: Sendable, Hashable {
    /// Reconcile the same key again after this long. Default: `nil` (only when an event arrives).
    public var requeueAfter: Duration?

    /// Creates a result.
    ///
    /// - Parameter requeueAfter: when to reconcile again; `nil` waits for the next event.
    public init(requeueAfter: Duration? = nil) { self.requeueAfter = requeueAfter }

    /// Nothing more to do until the next event.
    public static let done = ReconcileResult()

    /// Reconcile again after `delay`.
    public static func requeue(after delay: Duration) -> ReconcileResult { ReconcileResult(requeueAfter: delay) }
}
