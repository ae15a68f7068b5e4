public import KubeAPI
public import ServiceLifecycle

import Logging
import Synchronization

/// Runs services only while this replica holds a coordination.k8s.io/v1 Lease, so of several operator replicas
/// one reconciles at a time (client-go's `leaderelection` with a `LeaseLock`; controller-runtime's
/// `LeaderElectionRunnable`s are the gated services here).
///
/// Every ``Configuration/retryPeriod`` it tries to take the Lease: it creates it when missing, and takes it over
/// when the holder has not renewed it for ``Configuration/leaseDuration`` as observed on the local clock (so clock
/// skew between replicas does not matter). Once leading, it starts the gated services in their own
/// `ServiceGroup` and renews every retry period. If it cannot renew for ``Configuration/renewDeadline`` it stops
/// the services and ``run()`` throws ``ControllerError/Code/leadershipLost``, so the process exits and restarts,
/// as controller-runtime does. At graceful shutdown it shuts the services down, then gives up the Lease.
///
/// Informers can run outside the elector (warm caches on standbys); controllers and anything that writes go
/// inside it.
public final class LeaderElector: Service, Sendable {
    /// The Lease and timing.
    public let configuration: Configuration

    let client: KubeClient
    let services: [any Service]
    let clock: ClockBox
    let observed = Mutex(Observation())

    /// The last Lease spec seen, and when (on the elector's clock) it changed.
    struct Observation: Sendable {
        var spec: JSONValue?
        var at: Duration = .zero
        var leading = false
    }

    /// Creates an elector for `services`.
    ///
    /// - Parameters:
    ///   - client: reads and writes the Lease.
    ///   - configuration: the Lease, identity and timing.
    ///   - services: what runs while leading (typically the controllers).
    public init(client: KubeClient, configuration: Configuration, services: [any Service]) {
        self.client = client
        self.configuration = configuration
        self.services = services
        self.clock = ClockBox(configuration.clock)
    }

    /// Whether this replica holds the Lease now.
    public var isLeader: Bool { observed.withLock { $0.leading } }

    /// Campaigns, then runs the services while leading; returns at graceful shutdown.
    ///
    /// - Throws: ``ControllerError/Code/leadershipLost`` when the Lease could not be renewed in time; whatever
    ///   a gated service throws.
    public func run() async throws {
        let logger = configuration.logger
        let acquired = await cancelWhenGracefulShutdown { await self.acquire() }
        guard acquired else { return }
        logger.info(
            "acquired leadership",
            metadata: [
                "lease": "\(configuration.namespace)/\(configuration.leaseName)",
                "identity": "\(configuration.identity)",
            ])
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                logger: logger))
        do {
            // The nested group follows this task's graceful shutdown by itself; renewal goes on until it is done.
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                tasks.addTask { try await self.renewUntilLost() }
                defer { tasks.cancelAll() }
                do {
                    try await tasks.next()
                } catch let error as ControllerError where error.code == .leadershipLost {
                    logger.error(
                        "lost leadership; stopping the gated services",
                        metadata: ["lease": "\(configuration.namespace)/\(configuration.leaseName)"])
                    await group.triggerGracefulShutdown()
                    try? await tasks.next()
                    throw error
                }
            }
        } catch {
            observed.withLock { $0.leading = false }
            throw error
        }
        if configuration.releaseOnShutdown { await release() }
        observed.withLock { $0.leading = false }
    }
}
