import Synchronization

/// A manual clock: time moves only when a test calls ``advance(by:)``. Sleepers stay suspended until then, so
/// tests check what code waits for (``pendingSleeps``, ``sleepLog``) and release it without real waiting.
final class ManualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleepers: [Int: Sleeper] = [:]
        var cancelled: Set<Int> = []
        var nextID = 0
        var log: [Duration] = []
        var watchers: [(condition: @Sendable ([Duration]) -> Bool, continuation: CheckedContinuation<Void, Never>)] =
            []
    }
    private let state = Mutex(State())

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .nanoseconds(1) }

    /// Every sleep requested so far (its length from the time it was requested), in order.
    var sleepLog: [Duration] { state.withLock { $0.log } }

    /// The remaining time of every suspended sleeper, shortest first.
    var pendingSleeps: [Duration] {
        state.withLock { state in state.sleepers.values.map { state.now.duration(to: $0.deadline) }.sorted() }
    }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (immediate, ready) = state.withLock {
                    state -> (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if state.cancelled.remove(id) != nil { return (.failure(CancellationError()), []) }
                    state.log.append(max(state.now.duration(to: deadline), .zero))
                    if deadline <= state.now { return (.success(()), Self.takeReadyWatchers(&state)) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return (nil, Self.takeReadyWatchers(&state))
                }
                for watcher in ready { watcher.resume() }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                if let sleeper = state.sleepers.removeValue(forKey: id) { return sleeper }
                state.cancelled.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed.
    func advance(by duration: Duration) {
        let due = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers.removeValue(forKey: id) }
            return due.values.sorted { $0.deadline < $1.deadline }.map(\.continuation)
        }
        for continuation in due { continuation.resume() }
    }

    /// Waits until at least `count` sleepers are suspended.
    func waitForSleepers(_ count: Int) async {
        while true {
            let (satisfied, seen) = state.withLock { ($0.sleepers.count >= count, $0.log.count) }
            if satisfied { return }
            await waitForLog { $0.count > seen }
        }
    }

    /// Waits until the sleep log satisfies `condition` (e.g. has a sleep of a given length).
    func waitForLog(_ condition: @escaping @Sendable ([Duration]) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let satisfied = state.withLock { state -> Bool in
                if condition(state.log) { return true }
                state.watchers.append((condition, continuation))
                return false
            }
            if satisfied { continuation.resume() }
        }
    }

    private static func takeReadyWatchers(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        var ready: [CheckedContinuation<Void, Never>] = []
        var waiting: [(condition: @Sendable ([Duration]) -> Bool, continuation: CheckedContinuation<Void, Never>)] =
            []
        for watcher in state.watchers {
            if watcher.condition(state.log) { ready.append(watcher.continuation) } else { waiting.append(watcher) }
        }
        state.watchers = waiting
        return ready
    }
}
