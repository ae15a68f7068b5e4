/// Capped doubling, `min(initial × 2ⁿ, maximum)`: the one backoff curve behind the client's retries, the
/// informer's relists and the work queue's per-item delays (client-go's `ItemExponentialFailureRateLimiter` and
/// `wait.Backoff` without jitter).
///
/// | n | delay (initial 5 ms, maximum 1000 s) |
/// |---|--------------------------------------|
/// | 0 | 5 ms                                 |
/// | 1 | 10 ms                                |
/// | 10 | 5.12 s                              |
/// | 18+ | 1000 s                             |
public struct ExponentialBackoff: Sendable, Hashable {
    /// The delay for n = 0.
    public var initial: Duration
    /// The cap.
    public var maximum: Duration

    /// Creates a curve from `initial` doubling up to `maximum`.
    public init(initial: Duration, maximum: Duration) {
        self.initial = initial
        self.maximum = maximum
    }

    /// `min(initial × 2ⁿ, maximum)`; doubling stops at the cap, so any `n` is safe from overflow.
    public func delay(doublings n: Int) -> Duration {
        var delay = initial
        var step = 0
        while step < n, delay < maximum {
            delay = delay * 2
            step += 1
        }
        return min(delay, maximum)
    }
}
