/// Decides how long a failed item waits before it is retried, and forgets that history on success.
///
/// The seam client-go calls `workqueue.TypedRateLimiter`. ``ExponentialRateLimiter`` is the per-item backoff,
/// ``BucketRateLimiter`` an overall token bucket and ``MaxOfRateLimiter`` combines them as controller-runtime's
/// default does.
public protocol RateLimiter<Item>: Sendable {
    /// The queue item type.
    associatedtype Item: Hashable & Sendable

    /// Records one more failure of `item` and returns how long to wait before retrying it.
    func when(_ item: Item) -> Duration

    /// Forgets `item`'s failures (after a success, or when it is dropped).
    func forget(_ item: Item)

    /// How many failures of `item` are on record.
    func retries(_ item: Item) -> Int
}
