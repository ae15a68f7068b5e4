public import Logging
public import Metrics

extension Controller {
    /// How a controller runs its reconciles; every field has a default (controller-runtime's
    /// `controller.Options`).
    public struct Options: Sendable {
        /// How many reconciles run at once (never two for one key). Default: 1.
        public var maxConcurrentReconciles: Int
        /// How long ``Controller/run()`` waits for its informers' first lists before failing with
        /// ``ControllerError/Code/cacheSyncTimeout``. Default: 2 minutes.
        public var cacheSyncTimeout: Duration
        /// The limit on one reconcile; past it the reconcile is cancelled and retried with backoff.
        /// Default: `nil` (no limit).
        public var reconciliationTimeout: Duration?
        /// The backoff for failed reconciles. Default: `nil`, meaning controller-runtime's default: the longer of
        /// per-key exponential backoff (5 ms doubling to 1000 s) and an overall bucket of 10 retries/s, burst 100.
        public var rateLimiter: (any RateLimiter<ReconcileRequest>)?
        /// The clock for backoff, requeues and timeouts. Default: `ContinuousClock`.
        public var clock: any Clock<Duration>
        /// Where the controller logs: reconcile errors at error level, starts and stops at info. Default: nowhere.
        public var logger: Logger
        /// Where the controller's and its queue's metrics go. Default: the process-wide `MetricsSystem.factory`.
        public var metricsFactory: any MetricsFactory

        /// Creates options; every parameter has the default listed on its property.
        public init(
            maxConcurrentReconciles: Int = 1, cacheSyncTimeout: Duration = .seconds(120),
            reconciliationTimeout: Duration? = nil, rateLimiter: (any RateLimiter<ReconcileRequest>)? = nil,
            clock: any Clock<Duration> = ContinuousClock(),
            logger: Logger = Logger(label: "fluxhelm.controller", factory: { _ in SwiftLogNoOpLogHandler() }),
            metricsFactory: any MetricsFactory = MetricsSystem.factory
        ) {
            self.maxConcurrentReconciles = maxConcurrentReconciles
            self.cacheSyncTimeout = cacheSyncTimeout
            self.reconciliationTimeout = reconciliationTimeout
            self.rateLimiter = rateLimiter
            self.clock = clock
            self.logger = logger
            self.metricsFactory = metricsFactory
        }
    }
}

/// The logging metadata keys of control loops, defined once (STYLE.md §4).
public enum ControllerLoggingKeys {
    /// The controller's name.
    public static let controller = "fluxhelm.controller"
    /// A random id per reconcile, to follow one reconcile through the logs.
    public static let reconcileID = "fluxhelm.reconcile.id"
    /// The object's namespace.
    public static let namespace = "k8s.namespace"
    /// The object's name.
    public static let name = "k8s.name"
    /// The object's kind.
    public static let kind = "k8s.kind"
}
