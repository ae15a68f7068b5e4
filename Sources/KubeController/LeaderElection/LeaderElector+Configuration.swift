public import Foundation
public import Logging

extension LeaderElector {
    /// Which Lease to hold and how; every field but the names has a default (client-go's `LeaderElectionConfig`).
    public struct Configuration: Sendable {
        /// The Lease's name, e.g. `fluxhelm-operator`.
        public var leaseName: String
        /// The Lease's namespace (the operator's own).
        public var namespace: String
        /// This replica's identity (the pod name plus a random suffix, as controller-runtime uses).
        public var identity: String
        /// How long a Lease is valid after its last renewal; others take it over once this has passed without
        /// a renewal they saw. Default: 15 s.
        public var leaseDuration: Duration
        /// How long the leader keeps trying to renew before it gives up leadership. Default: 10 s.
        public var renewDeadline: Duration
        /// How often to try to acquire or renew. Default: 2 s.
        public var retryPeriod: Duration
        /// Give the Lease up at graceful shutdown, so another replica takes over at once. Default: `true`.
        public var releaseOnShutdown: Bool
        /// The clock for periods and deadlines. Default: `ContinuousClock`.
        public var clock: any Clock<Duration>
        /// The wall clock for the Lease's `acquireTime` and `renewTime`. Default: `Date()`.
        public var now: @Sendable () -> Date
        /// Where the elector logs (acquired and lost at info, failed attempts at debug). Default: nowhere.
        public var logger: Logger

        /// Creates a configuration; every parameter after the names has the default listed on its property.
        public init(
            leaseName: String, namespace: String, identity: String, leaseDuration: Duration = .seconds(15),
            renewDeadline: Duration = .seconds(10), retryPeriod: Duration = .seconds(2),
            releaseOnShutdown: Bool = true, clock: any Clock<Duration> = ContinuousClock(),
            now: @escaping @Sendable () -> Date = { Date() },
            logger: Logger = Logger(label: "fluxhelm.leaderelection", factory: { _ in SwiftLogNoOpLogHandler() })
        ) {
            self.leaseName = leaseName
            self.namespace = namespace
            self.identity = identity
            self.leaseDuration = leaseDuration
            self.renewDeadline = renewDeadline
            self.retryPeriod = retryPeriod
            self.releaseOnShutdown = releaseOnShutdown
            self.clock = clock
            self.now = now
            self.logger = logger
        }
    }
}
