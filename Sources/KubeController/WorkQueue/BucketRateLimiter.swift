import KubeAPI
import Synchronization

/// An overall token bucket over all items: beyond `burst` retries at once, retries are spread at `qps` per second
/// (client-go's `BucketRateLimiter`, which controller-runtime's default limiter combines with per-item backoff).
///
/// The bucket keeps time on an injected clock, so tests never wait.
public final class BucketRateLimiter<Item: Hashable & Sendable>: RateLimiter {
    private let bucket: Mutex<TokenBucket>
    private let elapsed: @Sendable () -> Duration

    /// Creates a bucket.
    ///
    /// - Parameters:
    ///   - qps: retries per second once the burst is spent. Default: 10.
    ///   - burst: retries allowed at once. Default: 100.
    ///   - clock: the time source. Default: `ContinuousClock`.
    public init(qps: Double = 10, burst: Int = 100, clock: some Clock<Duration> = ContinuousClock()) {
        let origin = clock.now
        elapsed = { origin.duration(to: clock.now) }
        bucket = Mutex(TokenBucket(qps: qps, burst: burst, now: .zero))
    }

    /// Reserves a token and returns how long until it is available.
    public func when(_ item: Item) -> Duration {
        let now = elapsed()
        return bucket.withLock { $0.reserve(now: now) }
    }

    /// The bucket keeps no per-item state.
    public func forget(_ item: Item) {}

    /// Always 0: the bucket keeps no per-item state.
    public func retries(_ item: Item) -> Int { 0 }
}

/// The longest delay of several limiters; `forget` and `retries` apply to all (client-go's `MaxOfRateLimiter`).
public struct MaxOfRateLimiter<Item: Hashable & Sendable>: RateLimiter {
    private let limiters: [any RateLimiter<Item>]

    /// Combines `limiters`; with none, every delay is zero.
    public init(_ limiters: [any RateLimiter<Item>]) { self.limiters = limiters }

    /// Asks every limiter (so each records the failure) and returns the longest delay.
    public func when(_ item: Item) -> Duration {
        limiters.reduce(Duration.zero) { max($0, $1.when(item)) }
    }

    /// Forgets `item` in every limiter.
    public func forget(_ item: Item) { for limiter in limiters { limiter.forget(item) } }

    /// The highest failure count any limiter keeps.
    public func retries(_ item: Item) -> Int { limiters.map { $0.retries(item) }.max() ?? 0 }
}
