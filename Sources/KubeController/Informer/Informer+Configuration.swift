public import KubeAPI
public import Logging

extension Informer {
    /// What an informer watches and how it recovers; every field has a default.
    public struct Configuration: Sendable {
        /// The namespace to watch; `nil` watches all namespaces (and is what cluster-scoped kinds need).
        /// Default: `nil`. The CLI's `--watch-namespace` sets this.
        public var namespace: String?
        /// Only objects whose labels match. Default: none. The CLI's `--watch-label-selector` sets this, so
        /// several operator replicas can shard the objects between them.
        public var labelSelector: LabelSelector?
        /// A field selector such as `metadata.name=x`. Default: none.
        public var fieldSelector: String?
        /// How often every cached object is delivered again to the handlers as an update with `old == new`,
        /// so level-based controllers re-check state they would otherwise only see on change. `nil` turns resync
        /// off. Default: 10 hours (controller-runtime's `SyncPeriod`).
        public var resyncPeriod: Duration?
        /// The server-side limit on one watch, after which it is re-opened from the last resourceVersion.
        /// Default: `nil`, a random 5–10 minutes per watch (client-go's reflector), spreading re-watches out.
        public var watchTimeout: Duration?
        /// The delay after the first failed list or watch. Default: 800 ms (client-go's reflector).
        public var initialBackoff: Duration
        /// The cap on the delay between failed attempts, which doubles per consecutive failure. Default: 30 s.
        public var maximumBackoff: Duration
        /// The page size for lists. Default: 500.
        public var pageSize: Int
        /// The clock for backoff and resync. Default: `ContinuousClock`.
        public var clock: any Clock<Duration>
        /// Where the informer logs (list/watch failures at warning, relists at debug). Default: nowhere.
        public var logger: Logger

        /// Creates a configuration; every parameter has the default listed on its property.
        public init(
            namespace: String? = nil, labelSelector: LabelSelector? = nil, fieldSelector: String? = nil,
            resyncPeriod: Duration? = .seconds(10 * 3600), watchTimeout: Duration? = nil,
            initialBackoff: Duration = .milliseconds(800), maximumBackoff: Duration = .seconds(30), pageSize: Int = 500,
            clock: any Clock<Duration> = ContinuousClock(),
            logger: Logger = Logger(label: "fluxhelm.informer", factory: { _ in SwiftLogNoOpLogHandler() })
        ) {
            self.namespace = namespace
            self.labelSelector = labelSelector
            self.fieldSelector = fieldSelector
            self.resyncPeriod = resyncPeriod
            self.watchTimeout = watchTimeout
            self.initialBackoff = initialBackoff
            self.maximumBackoff = maximumBackoff
            self.pageSize = pageSize
            self.clock = clock
            self.logger = logger
        }

        /// The delay after `failures` consecutive failures (1 for the first): `min(initial × 2ⁿ⁻¹, maximum)`.
        ///
        /// | failures | delay (defaults) |
        /// |----------|------------------|
        /// | 1        | 0.8 s            |
        /// | 2        | 1.6 s            |
        /// | 3        | 3.2 s            |
        /// | 6+       | 30 s             |
        public func backoff(afterFailures failures: Int) -> Duration {
            ExponentialBackoff(initial: initialBackoff, maximum: maximumBackoff).delay(doublings: failures - 1)
        }
    }
}
