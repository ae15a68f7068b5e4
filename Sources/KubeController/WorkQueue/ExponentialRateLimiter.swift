import KubeAPI
import Synchronization

/// Per-item exponential backoff: the `n`th consecutive failure of an item (0-based) waits
/// `min(baseDelay × 2ⁿ, maximumDelay)`, as client-go's `ItemExponentialFailureRateLimiter`.
///
/// With client-go's defaults (5 ms base, 1000 s cap):
///
/// | failure | delay   |
/// |---------|---------|
/// | 1st     | 5 ms    |
/// | 2nd     | 10 ms   |
/// | 3rd     | 20 ms   |
/// | 10th    | 2.56 s  |
/// | 19th    | 1310 s → capped at 1000 s |
///
/// ``forget(_:)`` resets an item to the base delay.
public final class ExponentialRateLimiter<Item: Hashable & Sendable>: RateLimiter {
    /// The delay after the first failure. Default: 5 ms.
    public let baseDelay: Duration
    /// The cap on any delay. Default: 1000 s.
    public let maximumDelay: Duration
    private let failures = Mutex<[Item: Int]>([:])

    /// Creates a limiter; every parameter has the default listed on its property.
    public init(baseDelay: Duration = .milliseconds(5), maximumDelay: Duration = .seconds(1000)) {
        self.baseDelay = max(baseDelay, .zero)
        self.maximumDelay = max(maximumDelay, .zero)
    }

    /// Records a failure and returns `min(baseDelay × 2ⁿ, maximumDelay)` for the `n`th (0-based).
    public func when(_ item: Item) -> Duration {
        let exponent = failures.withLock { table -> Int in
            let n = table[item, default: 0]
            table[item] = n + 1
            return n
        }
        return ExponentialBackoff(initial: baseDelay, maximum: maximumDelay).delay(doublings: exponent)
    }

    /// Resets `item`'s failure count.
    public func forget(_ item: Item) { _ = failures.withLock { $0.removeValue(forKey: item) } }

    /// The number of failures since the last ``forget(_:)``.
    public func retries(_ item: Item) -> Int { failures.withLock { $0[item, default: 0] } }
}
