import Synchronization

/// Collects values from handlers and lets a test wait, without sleeping, until the collection satisfies a
/// condition.
final class Recorder<Element: Sendable>: Sendable {
    private struct State {
        var values: [Element] = []
        var watchers:
            [(condition: @Sendable ([Element]) -> Bool, continuation: CheckedContinuation<[Element], Never>)] = []
    }
    private let state = Mutex(State())

    /// Everything recorded so far.
    var values: [Element] { state.withLock { $0.values } }

    /// Appends `value` and wakes the watchers it satisfies.
    func append(_ value: Element) {
        let ready = state.withLock { state -> [(CheckedContinuation<[Element], Never>, [Element])] in
            state.values.append(value)
            var ready: [(CheckedContinuation<[Element], Never>, [Element])] = []
            state.watchers.removeAll { watcher in
                guard watcher.condition(state.values) else { return false }
                ready.append((watcher.continuation, state.values))
                return true
            }
            return ready
        }
        for (continuation, values) in ready { continuation.resume(returning: values) }
    }

    /// Waits until the recorded values satisfy `condition`; returns them.
    @discardableResult
    func wait(until condition: @escaping @Sendable ([Element]) -> Bool) async -> [Element] {
        await withCheckedContinuation { (continuation: CheckedContinuation<[Element], Never>) in
            let values = state.withLock { state -> [Element]? in
                if condition(state.values) { return state.values }
                state.watchers.append((condition, continuation))
                return nil
            }
            if let values { continuation.resume(returning: values) }
        }
    }

    /// Waits until at least `count` values are recorded.
    @discardableResult
    func wait(count: Int) async -> [Element] { await wait { $0.count >= count } }
}

/// A gate reconcilers wait on until the test opens it.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Suspends until ``open()``.
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let open = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if open { continuation.resume() }
        }
    }

    /// Lets every current and later waiter through.
    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// A value behind a lock, shareable with concurrent tasks.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}
