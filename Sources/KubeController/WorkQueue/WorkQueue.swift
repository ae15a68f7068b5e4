import CoreMetrics
import KubeAPI
import Synchronization

/// A de-duplicating, rate-limited queue of keys for workers, as client-go's workqueue and controller-runtime use.
///
/// - An item added while it is already queued is not queued twice.
/// - An item is handed to one worker at a time: adding it while a worker holds it marks it, and ``done(_:)``
///   puts it back so the worker's next ``get()`` (or another worker's) sees the latest state.
/// - ``add(_:after:)`` and ``addRateLimited(_:)`` schedule an item for later; ``runDelays()`` moves it in when
///   its time comes, on the injected clock.
/// - ``shutDown()`` stops taking items and wakes every waiting worker with `nil`; ``shutDownWithDrain()`` also
///   waits for items being processed to be `done`.
///
/// ```swift
/// let queue = WorkQueue<ReconcileRequest>(name: "demo")
/// try await withThrowingDiscardingTaskGroup { group in
///     group.addTask { await queue.runDelays() }
///     queue.add(ReconcileRequest(name: "a"))
///     while let item = await queue.get() {
///         defer { queue.done(item) }
///         // ... work ...
///     }
/// }
/// ```
public final class WorkQueue<Item: Hashable & Sendable>: Sendable {
    /// The queue's name, the `name` dimension of its metrics.
    public let name: String
    /// The limiter ``addRateLimited(_:)`` asks for delays.
    public let rateLimiter: any RateLimiter<Item>

    struct Waiter: Sendable {
        var id: Int
        var continuation: CheckedContinuation<Item?, Never>
    }

    struct State: Sendable {
        var items = WorkQueueState<Item>()
        var waiters: [Waiter] = []
        var cancelledWaiters: Set<Int> = []
        var nextWaiterID = 0
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
        /// The delay loop's signal: a wake that arrived while it was not waiting is kept for its next wait.
        var wakePending = false
        var wakeWaiter: CheckedContinuation<Void, Never>?
        var wakeCancelled = false
    }

    let state = Mutex(State())
    let clock: ClockBox
    let metrics: WorkQueueMetrics

    /// Creates a queue.
    ///
    /// - Parameters:
    ///   - name: names the queue in metrics and logs.
    ///   - rateLimiter: the backoff for ``addRateLimited(_:)``. Default: ``ExponentialRateLimiter`` with
    ///     client-go's 5 ms base and 1000 s cap.
    ///   - clock: the time for delays and durations. Default: `ContinuousClock`.
    ///   - metrics: where its metrics go. Default: ``WorkQueueMetrics`` on the global factory.
    public init(
        name: String, rateLimiter: any RateLimiter<Item> = ExponentialRateLimiter<Item>(),
        clock: some Clock<Duration> = ContinuousClock(), metrics: WorkQueueMetrics? = nil
    ) {
        self.name = name
        self.rateLimiter = rateLimiter
        self.clock = ClockBox(clock)
        self.metrics = metrics ?? WorkQueueMetrics(name: name)
    }

    // MARK: Adding

    /// Queues `item` now, unless it is already queued or the queue is shut down.
    public func add(_ item: Item) {
        let now = clock.elapsed()
        let handoff = state.withLock { state -> (Waiter, Item, Duration)? in
            guard state.items.add(item, now: now) else { return nil }
            metrics.adds.increment()
            return Self.handOff(&state, now: now)
        }
        finish(handoff)
    }

    /// Queues `item` after `delay` (at once for zero or negative delays). An earlier pending time for the same
    /// item wins.
    ///
    /// - Important: delayed items arrive only while ``runDelays()`` runs (a ``Controller`` runs it).
    public func add(_ item: Item, after delay: Duration) {
        let now = clock.elapsed()
        let (handoff, rescheduled) = state.withLock { state -> ((Waiter, Item, Duration)?, Bool) in
            let outcome = state.items.add(item, at: now + delay, now: now)
            if outcome.ready {
                metrics.adds.increment()
                return (Self.handOff(&state, now: now), false)
            }
            return (nil, outcome.rescheduled)
        }
        finish(handoff)
        if rescheduled { wakeDelayLoop() }
    }

    /// Queues `item` after its rate limiter's backoff (each call records one more failure).
    public func addRateLimited(_ item: Item) {
        metrics.retries.increment()
        add(item, after: rateLimiter.when(item))
    }

    /// Clears `item`'s backoff history (call after it succeeds or is dropped for good).
    public func forget(_ item: Item) { rateLimiter.forget(item) }

    /// How many times `item` has been retried since its last ``forget(_:)``.
    public func retries(_ item: Item) -> Int { rateLimiter.retries(item) }

    // MARK: Working

    /// Waits for the next item and marks it as processing; call ``done(_:)`` when finished with it.
    ///
    /// - Returns: the item, or `nil` once the queue is shut down (or the calling task is cancelled).
    public func get() async -> Item? {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Item?, Never>) in
                let now = clock.elapsed()
                let immediate = state.withLock { state -> (Item?, Duration?, Bool) in
                    if state.cancelledWaiters.remove(id) != nil || state.items.shuttingDown { return (nil, nil, true) }
                    if let next = state.items.get(now: now) {
                        metrics.depth.record(state.items.depth)
                        return (next.item, next.queued, true)
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return (nil, nil, false)
                }
                if let queued = immediate.1 { metrics.queueDuration.recordNanoseconds(queued.nanoseconds) }
                if immediate.2 { continuation.resume(returning: immediate.0) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                if let index = state.waiters.firstIndex(where: { $0.id == id }) {
                    return state.waiters.remove(at: index)
                }
                state.cancelledWaiters.insert(id)
                return nil
            }
            waiter?.continuation.resume(returning: nil)
        }
    }

    /// Marks `item` finished; if it was added again meanwhile, it is queued once more.
    public func done(_ item: Item) {
        let now = clock.elapsed()
        let (handoff, worked, drained) = state.withLock {
            state -> ((Waiter, Item, Duration)?, Duration?, [CheckedContinuation<Void, Never>]) in
            let outcome = state.items.done(item, now: now)
            var drained: [CheckedContinuation<Void, Never>] = []
            if state.items.shuttingDown && state.items.processing.isEmpty {
                drained = state.drainWaiters
                state.drainWaiters.removeAll()
            }
            return (outcome.requeued ? Self.handOff(&state, now: now) : nil, outcome.worked, drained)
        }
        if let worked { metrics.workDuration.recordNanoseconds(worked.nanoseconds) }
        finish(handoff)
        for continuation in drained { continuation.resume() }
    }

    // MARK: Shutdown

    /// Stops the queue: later adds are ignored, queued and delayed items are dropped, and every waiting
    /// ``get()`` returns `nil`. Items being processed may still be marked ``done(_:)``.
    public func shutDown() {
        let waiters = state.withLock { state -> [Waiter] in
            state.items.shutDown()
            let waiters = state.waiters
            state.waiters.removeAll()
            return waiters
        }
        metrics.depth.record(0)
        for waiter in waiters { waiter.continuation.resume(returning: nil) }
        wakeDelayLoop()
    }

    /// Shuts the queue down, then waits until every item being processed is ``done(_:)``.
    public func shutDownWithDrain() async {
        shutDown()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.items.processing.isEmpty { return true }
                state.drainWaiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Whether ``shutDown()`` has been called.
    public var isShuttingDown: Bool { state.withLock { $0.items.shuttingDown } }

    // MARK: Inspection

    /// How many items are ready to hand out.
    public var depth: Int { state.withLock { $0.items.depth } }

    /// How many items workers hold now.
    public var processingCount: Int { state.withLock { $0.items.processing.count } }

    /// How many items wait for their delay.
    public var waitingCount: Int { state.withLock { $0.items.waiting.count } }

    /// Updates the unfinished-work and longest-running-processor gauges; call before a scrape.
    public func updateUnfinishedWorkMetrics() {
        let now = clock.elapsed()
        let work = state.withLock { $0.items.unfinishedWork(now: now) }
        metrics.unfinishedWork.record(work.total.seconds)
        metrics.longestRunning.record(work.longest.seconds)
    }

    // MARK: Internals

    /// Pops the next ready item for the first waiting worker; the caller resumes it outside the lock.
    static func handOff(_ state: inout State, now: Duration) -> (Waiter, Item, Duration)? {
        guard !state.waiters.isEmpty, let next = state.items.get(now: now) else { return nil }
        return (state.waiters.removeFirst(), next.item, next.queued)
    }

    func finish(_ handoff: (Waiter, Item, Duration)?) {
        let depth = state.withLock { $0.items.depth }
        metrics.depth.record(depth)
        guard let (waiter, item, queued) = handoff else { return }
        metrics.queueDuration.recordNanoseconds(queued.nanoseconds)
        waiter.continuation.resume(returning: item)
    }
}

extension Duration {
    /// The duration in whole nanoseconds, for `Timer.recordNanoseconds`.
    var nanoseconds: Int64 {
        let (s, attos) = components
        return s * 1_000_000_000 + attos / 1_000_000_000
    }
}
