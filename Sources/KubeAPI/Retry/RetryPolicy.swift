/// When and how long to wait before retrying a failed call.
///
/// The delay before retry `n` (0-based) is `min(maximumDelay, initialDelay × 2ⁿ) × (1 + jitter × r)` with `r` drawn
/// from `[0, 1)`, as client-go's `wait.Backoff` computes it. With the defaults (100 ms, 5 s cap, jitter 0.5):
///
/// | retry | base delay | with jitter      |
/// |-------|------------|------------------|
/// | 0     | 100 ms     | 100–150 ms       |
/// | 1     | 200 ms     | 200–300 ms       |
/// | 2     | 400 ms     | 400–600 ms       |
/// | 3     | 800 ms     | 0.8–1.2 s        |
/// | 6+    | 5 s        | 5–7.5 s          |
///
/// A `Retry-After` from the server (429, or a 5xx that sends one) replaces the computed delay, capped at
/// ``maximumRetryAfter``.
///
/// Which calls are retried: a 429 is retried for every verb, because the API server rejects it before doing any
/// work (API Priority and Fairness). A 5xx, a timeout or a lost connection is retried only for calls that are safe
/// to repeat: reads (`GET`: get, list, discovery) and the start of a watch. Writes are not replayed on those faults,
/// since the first attempt may have taken effect; a connection that was refused (nothing was sent) is retried for
/// every verb.
public struct RetryPolicy: Sendable {
    /// How many times a call is retried after its first attempt. Default: 4. Zero disables retries.
    public var maximumRetries: Int
    /// The delay before the first retry. Default: 100 ms.
    public var initialDelay: Duration
    /// The cap on the computed delay. Default: 5 s.
    public var maximumDelay: Duration
    /// The fraction of the delay added at random (0 turns jitter off). Default: 0.5.
    public var jitter: Double
    /// The cap on a server-sent `Retry-After`. Default: 60 s.
    public var maximumRetryAfter: Duration
    /// The source of randomness for jitter, returning a value in `[0, 1)`. Default: the system generator.
    public var random: @Sendable () -> Double

    /// Creates a policy; every parameter has the default listed on its property.
    public init(
        maximumRetries: Int = 4, initialDelay: Duration = .milliseconds(100), maximumDelay: Duration = .seconds(5),
        jitter: Double = 0.5, maximumRetryAfter: Duration = .seconds(60),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maximumRetries = maximumRetries
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.jitter = jitter
        self.maximumRetryAfter = maximumRetryAfter
        self.random = random
    }

    /// A policy that never retries.
    public static let never = RetryPolicy(maximumRetries: 0)

    /// The delay before retry number `retry` (0 for the first retry).
    ///
    /// - Parameters:
    ///   - retry: how many retries have happened already.
    ///   - retryAfter: the server's `Retry-After`, which wins when present.
    public func delay(beforeRetry retry: Int, retryAfter: Duration? = nil) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maximumRetryAfter) }
        let base = ExponentialBackoff(initial: initialDelay, maximum: maximumDelay).delay(doublings: retry)
        let r = min(max(random(), 0), 1)
        return base + base * (jitter * r)
    }

    /// Whether a failure may be retried for a request with this method.
    ///
    /// - Parameters:
    ///   - error: the failure.
    ///   - method: the HTTP method.
    func isRetryable(_ error: KubeAPIError, method: String) -> Bool {
        if error.code == .tooManyRequests { return true }
        if error.code == .transport, error.isConnectionRefused { return true }
        guard method == "GET" || method == "HEAD" else { return false }
        return error.code == .serverError || error.code == .timeout || error.code == .transport
    }
}
