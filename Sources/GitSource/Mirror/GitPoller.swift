public import Logging
public import ServiceLifecycle

/// What a ``GitPoller`` reports for a watched ref.
public enum GitPollEvent: Sendable, Hashable {
    /// The ref points at this commit: reported on the first successful poll and whenever it moves.
    case commit(GitCommit)
    /// The fetch or the ref's resolution failed; reported once per distinct failure (by code and message).
    case failed(GitSourceError)

    static func same(_ lhs: GitPollEvent?, _ rhs: GitPollEvent) -> Bool {
        switch (lhs, rhs) {
        case (.commit(let a)?, .commit(let b)): a == b
        case (.failed(let a)?, .failed(let b)): a.code == b.code && a.message == b.message
        default: false
        }
    }
}

/// Fetches a mirror every `pollInterval` and tells subscribers when a branch (or any ref) moves.
///
/// Run it in the application's `ServiceGroup`; ``run()`` returns at graceful shutdown (finishing every
/// subscription's stream) or when cancelled. Subscribe with ``updates(for:)`` before or while it runs; each stream
/// keeps only the newest event if its reader falls behind, since only the latest commit matters.
///
/// ```swift
/// let poller = GitPoller(mirror: mirror, pollInterval: .seconds(60), logger: logger)
/// let updates = await poller.updates(for: "main")
/// // in a task group or ServiceGroup: try await poller.run()
/// for await event in updates { if case .commit(let commit) = event { ... } }
/// ```
public struct GitPoller<C: Clock>: Service where C.Duration == Duration {
    /// The mirror polled.
    public let mirror: GitMirror
    /// The time between the end of one poll and the start of the next.
    public let pollInterval: Duration
    private let clock: C
    private let logger: Logger
    private let subscriptions = GitPollSubscriptions()

    /// Creates a poller of `mirror` on `clock`.
    public init(mirror: GitMirror, pollInterval: Duration, clock: C, logger: Logger) {
        self.mirror = mirror
        self.pollInterval = pollInterval
        self.clock = clock
        self.logger = logger
    }

    /// A stream of events for `ref` (a branch, tag or other ref ``GitMirror/resolve(_:)`` accepts).
    public func updates(for ref: String) async -> AsyncStream<GitPollEvent> {
        await subscriptions.add(ref)
    }

    /// Polls once: fetches, then resolves every subscribed ref and reports the ones that changed.
    public func poll() async {
        do {
            try await mirror.fetch()
        } catch {
            logger.debug(
                "git poll fetch failed", metadata: ["git.url": "\(mirror.remote)", "error": "\(error.code)"])
            await subscriptions.publish { _ in .failed(error) }
            return
        }
        for ref in await subscriptions.refs() {
            let event: GitPollEvent
            do {
                event = .commit(try await mirror.resolve(ref))
            } catch {
                event = .failed(error)
            }
            await subscriptions.publish { $0 == ref ? event : nil }
        }
    }

    /// Polls every ``pollInterval`` until graceful shutdown or cancellation, then finishes every stream.
    public func run() async throws {
        while !Task.isCancelled {
            await poll()
            do {
                try await cancelWhenGracefulShutdown { try await clock.sleep(for: pollInterval) }
            } catch {
                break
            }
        }
        await subscriptions.finish()
    }
}

extension GitPoller where C == ContinuousClock {
    /// Creates a poller of `mirror` on the real clock.
    public init(mirror: GitMirror, pollInterval: Duration, logger: Logger) {
        self.init(mirror: mirror, pollInterval: pollInterval, clock: ContinuousClock(), logger: logger)
    }
}

/// The open subscriptions of one poller and the last event each was sent.
actor GitPollSubscriptions {
    private struct Subscription {
        var ref: String
        var continuation: AsyncStream<GitPollEvent>.Continuation
        var last: GitPollEvent?
    }
    private var subscriptions: [Int: Subscription] = [:]
    private var nextID = 0

    func add(_ ref: String) -> AsyncStream<GitPollEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: GitPollEvent.self, bufferingPolicy: .bufferingNewest(1))
        subscriptions[nextID] = Subscription(ref: ref, continuation: continuation)
        nextID += 1
        return stream
    }

    func refs() -> Set<String> { Set(subscriptions.values.map(\.ref)) }

    /// Sends each subscription the event `make` gives for its ref, unless it is the one it got last; drops
    /// subscriptions whose reader has gone.
    func publish(_ make: (String) -> GitPollEvent?) {
        for (id, subscription) in subscriptions {
            guard let event = make(subscription.ref), !GitPollEvent.same(subscription.last, event) else { continue }
            if case .terminated = subscription.continuation.yield(event) {
                subscriptions[id] = nil
            } else {
                subscriptions[id]?.last = event
            }
        }
    }

    func finish() {
        for subscription in subscriptions.values { subscription.continuation.finish() }
        subscriptions = [:]
    }
}
