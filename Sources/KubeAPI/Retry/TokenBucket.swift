/// The token-bucket arithmetic behind ``RateLimiter``: pure, so it is tested without waiting.
///
/// The bucket holds up to `burst` tokens and refills at `qps` tokens per second. Each request takes one token; when
/// none is left the request reserves a future token and waits for it, so waiting callers queue in order (the
/// reservation model of Go's `x/time/rate`, which client-go's limiter uses).
public struct TokenBucket: Sendable, Hashable {
    /// Tokens added per second.
    public let qps: Double
    /// The most tokens the bucket holds, i.e. how many requests may go at once after a quiet period.
    public let burst: Int
    private var tokens: Double
    private var last: Duration

    /// A full bucket at time `now`.
    public init(qps: Double, burst: Int, now: Duration = .zero) {
        self.qps = max(qps, 0.000_001)
        self.burst = max(burst, 1)
        tokens = Double(self.burst)
        last = now
    }

    /// Takes one token at time `now` and returns how long the caller must wait before sending (zero when a token
    /// was available).
    public mutating func reserve(now: Duration) -> Duration {
        if now > last {
            tokens = min(Double(burst), tokens + Self.seconds(now - last) * qps)
            last = now
        }
        tokens -= 1
        if tokens >= 0 { return .zero }
        return .nanoseconds(Int64((-tokens / qps * 1e9).rounded(.up)))
    }

    private static func seconds(_ d: Duration) -> Double {
        let (s, attos) = d.components
        return Double(s) + Double(attos) / 1e18
    }
}
