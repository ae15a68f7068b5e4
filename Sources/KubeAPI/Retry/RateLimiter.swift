import Synchronization

/// A client-side rate limiter (token bucket) shared by every call of one ``KubeClient``.
///
/// Waits on the injected clock, so tests drive it with a manual clock. Default limits are 50 QPS with a burst of
/// 100 (see ``KubeClient/Configuration``).
final class RateLimiter: Sendable {
    private let bucket: Mutex<TokenBucket>
    private let clock: ClockBox

    init(qps: Double, burst: Int, clock: ClockBox) {
        self.clock = clock
        bucket = Mutex(TokenBucket(qps: qps, burst: burst, now: clock.elapsed()))
    }

    /// Waits until the caller may send one request.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func acquire() async throws {
        let now = clock.elapsed()
        let wait = bucket.withLock { $0.reserve(now: now) }
        if wait > .zero { try await clock.sleep(wait) }
    }
}
