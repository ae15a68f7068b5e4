public import GitSource
public import Logging
public import ServiceLifecycle

/// The sync loop of `fluxhelm agent`: a `Service` that syncs on start, on every trigger (a new commit seen by the
/// source's fetcher) and every ``Configuration/interval``, until graceful shutdown.
///
/// Each pass reads the source once (``ManifestSource/snapshot()``) and runs a ``Syncer``. Passes never overlap;
/// triggers that arrive during a pass fold into one follow-up pass. A pass that throws (cluster or source
/// unreachable, inventory unreadable) is logged and retried at the next trigger or interval; the loop itself ends
/// only at shutdown.
///
/// ```swift
/// let agent = SyncAgent(source: source, syncer: syncer, configuration: .init(interval: .seconds(300)), logger: logger)
/// let group = ServiceGroup(configuration: .init(services: [.init(service: agent)], logger: logger))
/// try await group.run()
/// ```
public struct SyncAgent: Service {
    /// How often the loop syncs without a trigger.
    public struct Configuration: Sendable {
        /// The time between passes when no trigger arrives. Default: 5 minutes (Flux v1's `--sync-interval`).
        public var interval: Duration

        /// Creates a configuration; every parameter has the default listed on its property.
        public init(interval: Duration = .seconds(300)) {
            self.interval = interval
        }
    }

    /// Where the manifests come from.
    public var source: any ManifestSource
    /// The sync of one revision.
    public var syncer: Syncer
    /// The loop's settings.
    public var configuration: Configuration
    /// Where passes are logged.
    public var logger: Logger
    /// Extra triggers (e.g. the git fetcher's new-commit notifications); each element asks for one pass.
    public var triggers: AsyncStream<Void>?
    /// A git poller's updates of the synced branch (``GitPoller/updates(for:)``); each event asks for one pass.
    public var commitUpdates: AsyncStream<GitPollEvent>?
    /// Called with each pass's result, for tests and metrics.
    public var onResult: (@Sendable (SyncResult) -> Void)?

    /// Creates the loop.
    public init(
        source: any ManifestSource, syncer: Syncer, configuration: Configuration = Configuration(), logger: Logger,
        triggers: AsyncStream<Void>? = nil, commitUpdates: AsyncStream<GitPollEvent>? = nil,
        onResult: (@Sendable (SyncResult) -> Void)? = nil
    ) {
        self.commitUpdates = commitUpdates
        self.source = source
        self.syncer = syncer
        self.configuration = configuration
        self.logger = logger
        self.triggers = triggers
        self.onResult = onResult
    }

    /// Runs passes until graceful shutdown or cancellation.
    public func run() async throws {
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let interval = configuration.interval
        let triggers = self.triggers
        await withDiscardingTaskGroup { group in
            group.addTask {
                wake.yield()
                while !Task.isCancelled {
                    do { try await Task.sleep(for: interval) } catch { return }
                    wake.yield()
                }
            }
            if let triggers {
                group.addTask {
                    for await _ in triggers { wake.yield() }
                }
            }
            if let commitUpdates = self.commitUpdates {
                group.addTask {
                    for await event in commitUpdates {
                        if case .commit = event { wake.yield() }
                    }
                }
            }
            for await _ in wakeups.cancelOnGracefulShutdown() {
                await pass()
            }
            group.cancelAll()
        }
    }

    /// One pass: read the source, report how far behind the cluster is, sync, report.
    func pass() async {
        do {
            let snapshot = try await source.snapshot()
            let (inventory, _) = try await syncer.inventoryStore.load()
            if !inventory.revision.isEmpty, inventory.revision != snapshot.revision {
                if let behind = await source.commitsBetween(inventory.revision, snapshot.revision) {
                    logger.info(
                        "the cluster is \(behind) commits behind \(source.displayName)",
                        metadata: [
                            "fluxhelm.sync.marker": .string(inventory.revision),
                            "fluxhelm.sync.head": .string(snapshot.revision),
                        ])
                }
            }
            let result = try await syncer.sync(snapshot, logger: logger)
            onResult?(result)
        } catch {
            logger.error("sync pass failed: \(error)")
        }
    }
}
