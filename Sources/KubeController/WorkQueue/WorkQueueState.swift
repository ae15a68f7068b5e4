/// The bookkeeping of a ``WorkQueue``, as a pure value so it is tested without tasks or clocks.
///
/// An item is in at most one of three places, which is what keeps one key from reaching two workers:
///
/// - *queued*: in `queue` and `dirty`; ``get(now:)`` hands it out.
/// - *processing*: handed out, not yet `done`. Adding it again only marks it `dirty`; ``done(_:now:)`` then puts
///   it back in the queue, so the change is seen after the running reconcile ends.
/// - *waiting*: added with a delay; ``promote(now:)`` adds it once its time comes. An item waits at most once,
///   with the earliest time it was asked for (client-go's delaying queue).
///
/// Times are durations since the queue's clock started.
struct WorkQueueState<Item: Hashable & Sendable>: Sendable {
    private(set) var queue: [Item] = []
    private var head = 0
    private(set) var dirty: Set<Item> = []
    private(set) var processing: [Item: Duration] = [:]
    private(set) var waiting: [Item: Duration] = [:]
    private var queuedAt: [Item: Duration] = [:]
    private(set) var shuttingDown = false

    /// Items ready to hand out.
    var depth: Int { queue.count - head }

    /// Whether nothing is queued, processing or waiting.
    var isIdle: Bool { depth == 0 && processing.isEmpty && waiting.isEmpty }

    /// Adds `item` unless it is already queued (or the queue is shutting down).
    ///
    /// - Returns: `true` when the item became ready to hand out (a waiting worker may take it).
    mutating func add(_ item: Item, now: Duration) -> Bool {
        guard !shuttingDown, !dirty.contains(item) else { return false }
        dirty.insert(item)
        waiting.removeValue(forKey: item)
        if processing[item] != nil { return false }
        queue.append(item)
        queuedAt[item] = now
        return true
    }

    /// Schedules `item` for `deadline`; an earlier pending time for it wins.
    ///
    /// - Returns: `true` when this moved the earliest deadline (the delay loop must wake).
    mutating func add(_ item: Item, at deadline: Duration, now: Duration) -> (ready: Bool, rescheduled: Bool) {
        guard !shuttingDown else { return (false, false) }
        if deadline <= now { return (add(item, now: now), false) }
        // Already queued: it will be handed out sooner than the delay asks.
        if dirty.contains(item) && processing[item] == nil { return (false, false) }
        let earliest = nextDeadline
        if let existing = waiting[item], existing <= deadline { return (false, false) }
        waiting[item] = deadline
        return (false, earliest.map { deadline < $0 } ?? true)
    }

    /// Takes the next ready item, moving it to *processing*.
    ///
    /// - Returns: the item and how long it was queued, or `nil` when nothing is ready.
    mutating func get(now: Duration) -> (item: Item, queued: Duration)? {
        guard head < queue.count else { return nil }
        let item = queue[head]
        head += 1
        // Compact once the consumed prefix dominates, keeping get O(1) amortised.
        if head > 64 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        dirty.remove(item)
        processing[item] = now
        let since = queuedAt.removeValue(forKey: item) ?? now
        return (item, now - since)
    }

    /// Marks `item` finished.
    ///
    /// - Returns: how long it was processed, and whether it was re-added while processing and is ready again.
    mutating func done(_ item: Item, now: Duration) -> (worked: Duration?, requeued: Bool) {
        guard let started = processing.removeValue(forKey: item) else { return (nil, false) }
        guard dirty.contains(item), !shuttingDown else { return (now - started, false) }
        queue.append(item)
        queuedAt[item] = now
        return (now - started, true)
    }

    /// The earliest time a waiting item is due.
    var nextDeadline: Duration? { waiting.values.min() }

    /// Adds every waiting item whose time has come.
    ///
    /// - Returns: how many became ready to hand out.
    mutating func promote(now: Duration) -> Int {
        let due = waiting.filter { $0.value <= now }.map(\.key)
        var ready = 0
        for item in due {
            waiting.removeValue(forKey: item)
            if add(item, now: now) { ready += 1 }
        }
        return ready
    }

    /// Stops accepting items; queued and waiting items are dropped, processing ones may still finish.
    mutating func shutDown() {
        shuttingDown = true
        queue.removeAll()
        head = 0
        dirty.removeAll()
        waiting.removeAll()
        queuedAt.removeAll()
    }

    /// The longest time any processing item has run, and the sum over all of them.
    func unfinishedWork(now: Duration) -> (longest: Duration, total: Duration) {
        var longest = Duration.zero
        var total = Duration.zero
        for started in processing.values {
            let running = now - started
            longest = max(longest, running)
            total += running
        }
        return (longest, total)
    }
}
