import CoreMetrics
import KubeAPI
public import ServiceLifecycle
import Logging
import Synchronization

/// Runs a ``Reconciler`` for one primary kind: informer events become keys in a ``WorkQueue``, and up to
/// ``Options/maxConcurrentReconciles`` workers reconcile them, never one key twice at once.
///
/// Errors are retried with the rate limiter's backoff, a ``TerminalError`` is recorded and not retried, and
/// ``ReconcileResult/requeueAfter`` brings a key back later. It is a `Service`: ``run()`` waits for the informers'
/// caches, then works until graceful shutdown, when it takes no new keys, lets running reconciles finish and
/// returns.
///
/// Informers are not run by the controller: put them in the same `ServiceGroup`, so several controllers can
/// share one informer (and its cache).
///
/// ```swift
/// let releases = Informer(client: client, kind: helmReleaseKind)
/// let secrets = Informer(client: client, kind: .secret)
/// let controller = Controller(name: "helmrelease", for: releases, reconciler: reconciler,
///                             predicates: [GenerationOrMetadataChangedPredicate()])
/// controller.watch(secrets, handler: EnqueueRequestsFromMapFunc { secret in ... })
/// let group = ServiceGroup(services: [releases, secrets, controller], ...)
/// ```
public final class Controller: Service, Sendable {
    /// The controller's name: the `controller` metric dimension and the queue's name.
    public let name: String
    /// The options it runs with.
    public let options: Options
    /// The queue of keys to reconcile; add to it to trigger a reconcile by hand.
    public let queue: WorkQueue<ReconcileRequest>

    let reconciler: any Reconciler
    let metrics: ControllerMetrics
    let clock: ClockBox
    let sources = Mutex<[Informer]>([])

    /// Creates a controller for the objects of `primary`'s kind.
    ///
    /// - Parameters:
    ///   - name: names the controller in logs and metrics.
    ///   - primary: the informer of the kind reconciled; each of its events enqueues the object's key.
    ///   - reconciler: the logic.
    ///   - predicates: filters for the primary kind's events. Default: none (every event).
    ///   - options: concurrency, timeouts, backoff, clock, logger and metrics.
    public init(
        name: String, for primary: Informer, reconciler: any Reconciler, predicates: [any Predicate] = [],
        options: Options = Options()
    ) {
        self.name = name
        self.options = options
        self.reconciler = reconciler
        self.clock = ClockBox(options.clock)
        self.metrics = ControllerMetrics(controller: name, factory: options.metricsFactory)
        let limiter =
            options.rateLimiter
            ?? MaxOfRateLimiter<ReconcileRequest>([
                ExponentialRateLimiter<ReconcileRequest>(),
                BucketRateLimiter<ReconcileRequest>(qps: 10, burst: 100, clock: options.clock),
            ])
        self.queue = WorkQueue(
            name: name, rateLimiter: limiter, clock: options.clock,
            metrics: WorkQueueMetrics(name: name, factory: options.metricsFactory))
        watch(primary, handler: EnqueueRequestForObject(), predicates: predicates)
    }

    /// Enqueues requests for events of another informer (a secondary kind) through `handler`.
    ///
    /// Call before ``run()``; the controller then also waits for this informer's cache.
    ///
    /// - Parameters:
    ///   - informer: the informer whose events to map.
    ///   - handler: turns events into requests.
    ///   - predicates: filters events first. Default: none.
    public func watch(_ informer: Informer, handler: any EventHandler, predicates: [any Predicate] = []) {
        sources.withLock { $0.append(informer) }
        let queue = self.queue
        informer.addEventHandler { event in
            for predicate in predicates where !predicate.shouldProcess(event) { return }
            for request in handler.requests(for: event) { queue.add(request) }
        }
    }

    /// Whether every watched informer has synced.
    public var hasSynced: Bool { sources.withLock { $0 }.allSatisfy(\.hasSynced) }

    /// Waits for the caches, then reconciles until graceful shutdown (or cancellation).
    ///
    /// - Throws: ``ControllerError/Code/cacheSyncTimeout`` when a cache does not sync within
    ///   ``Options/cacheSyncTimeout``; ``ControllerError/Code/invalidConfiguration`` for a
    ///   `maxConcurrentReconciles` below 1.
    public func run() async throws {
        guard options.maxConcurrentReconciles >= 1 else {
            throw ControllerError(
                code: .invalidConfiguration,
                message:
                    "controller \(name): maxConcurrentReconciles is \(options.maxConcurrentReconciles); it must be at least 1"
            )
        }
        let logger = options.logger
        do {
            try await cancelWhenGracefulShutdown { try await self.waitForCaches() }
        } catch is CancellationError {
            queue.shutDown()
            return
        }
        metrics.maxConcurrentReconciles.record(options.maxConcurrentReconciles)
        logger.info(
            "starting workers",
            metadata: [
                ControllerLoggingKeys.controller: "\(name)", "workers": "\(options.maxConcurrentReconciles)",
            ])
        let queue = self.queue
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await queue.runDelays() }
                // Workers end once the queue is shut down (or the task is cancelled); each finishes its current
                // reconcile first. Only then is the delay loop stopped.
                await withTaskGroup(of: Void.self) { workers in
                    for _ in 0..<self.options.maxConcurrentReconciles {
                        workers.addTask { await self.runWorker() }
                    }
                }
                queue.shutDown()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            queue.shutDown()
        }
        queue.shutDown()
        logger.info("all workers finished", metadata: [ControllerLoggingKeys.controller: "\(name)"])
    }

    /// Waits until every informer's cache is synced, or fails after the sync timeout.
    private func waitForCaches() async throws {
        let caches = sources.withLock { $0 }.map(\.cache)
        let clock = self.clock
        let timeout = options.cacheSyncTimeout
        let synced = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                for cache in caches { try await cache.waitForCacheSync() }
                return true
            }
            group.addTask {
                try await clock.sleep(timeout)
                return false
            }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
        guard synced else {
            let pending = caches.filter { !$0.hasSynced }.map(\.groupVersionKind.kind)
            throw ControllerError(
                code: .cacheSyncTimeout,
                message:
                    "controller \(name): caches of \(pending.joined(separator: ", ")) did not sync within \(timeout)")
        }
    }

    /// Takes keys until the queue shuts down.
    private func runWorker() async {
        while let request = await queue.get() {
            await reconcileHandler(request)
            queue.done(request)
        }
    }
}
