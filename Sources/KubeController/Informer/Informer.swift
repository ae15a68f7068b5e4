public import KubeAPI
public import ServiceLifecycle
import Logging
import Synchronization

/// Keeps a ``Cache`` of one kind in step with the API server and tells handlers what changed (client-go's
/// shared informer, controller-runtime's `cache.Informer`).
///
/// It lists the kind, stores the list and marks the cache synced, then watches from the list's resourceVersion
/// with bookmarks. A watch that ends is re-opened from the last version seen; a 410 Gone (the version was
/// compacted away) makes it list again, and objects that vanished meanwhile are delivered as deleted. Failed
/// lists and watches are retried with exponential backoff on the configured clock. Every
/// ``Configuration/resyncPeriod`` each cached object is delivered again as an update.
///
/// Run it as a `Service` (in the same `ServiceGroup` as the controllers that use it); it stops at graceful
/// shutdown.
///
/// ```swift
/// let informer = Informer(client: client, kind: .configMap, configuration: .init(namespace: "apps"))
/// informer.addEventHandler { event in print(event.object.key) }
/// let group = ServiceGroup(services: [informer], logger: logger)
/// ```
public final class Informer: Service, Sendable {
    /// The kind watched.
    public let groupVersionKind: GroupVersionKind
    /// The informer's store.
    public let cache: Cache
    /// The watch settings.
    public let configuration: Configuration

    let client: KubeClient
    let clock: ClockBox
    let handlers = Mutex<[@Sendable (InformerEvent) -> Void]>([])
    let progress = Mutex(Progress())

    /// What the informer has done, for tests and health checks.
    public struct Progress: Sendable, Hashable {
        /// How many lists succeeded (1 after the first sync; more after 410 Gone relists).
        public var lists = 0
        /// How many watches were opened.
        public var watches = 0
        /// How many list or watch attempts failed.
        public var failures = 0
        /// How many resyncs delivered the cache.
        public var resyncs = 0
        /// The resourceVersion the next watch starts from.
        public var resourceVersion = ""
    }

    /// Creates an informer; it does nothing until ``run()``.
    ///
    /// - Parameters:
    ///   - client: the API client.
    ///   - kind: the kind to list and watch.
    ///   - configuration: namespace, selectors, resync and backoff.
    public init(client: KubeClient, kind: GroupVersionKind, configuration: Configuration = Configuration()) {
        self.client = client
        self.groupVersionKind = kind
        self.configuration = configuration
        self.cache = Cache(kind)
        self.clock = ClockBox(configuration.clock)
    }

    /// Adds a handler for every later change. If the cache already holds objects, the handler first gets each
    /// as ``InformerEvent/added(_:)``, as client-go does for handlers added to a running informer.
    ///
    /// - Important: Handlers run on the informer's task: keep them short (enqueue a key) and never block.
    public func addEventHandler(_ handler: @escaping @Sendable (InformerEvent) -> Void) {
        handlers.withLock { $0.append(handler) }
        for object in cache.list() { handler(.added(object)) }
    }

    /// Whether the first list has been stored in the cache.
    public var hasSynced: Bool { cache.hasSynced }

    /// What the informer has done so far.
    public var currentProgress: Progress { progress.withLock { $0 } }

    /// Lists and watches until graceful shutdown or cancellation.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                if let period = self.configuration.resyncPeriod, period > .zero {
                    group.addTask { await self.runResync(every: period) }
                }
                await self.runListWatch()
                group.cancelAll()
            }
        }
    }

    /// Sends `events` to every handler, in order.
    func deliver(_ events: [InformerEvent]) {
        guard !events.isEmpty else { return }
        let handlers = self.handlers.withLock { $0 }
        for event in events {
            for handler in handlers { handler(event) }
        }
    }

    /// Delivers every cached object as an update, every `period`, while the cache is synced.
    private func runResync(every period: Duration) async {
        while !Task.isCancelled {
            do { try await clock.sleep(period) } catch { return }
            guard cache.hasSynced else { continue }
            deliver(cache.list().map { .updated(old: $0, new: $0) })
            progress.withLock { $0.resyncs += 1 }
        }
    }
}
