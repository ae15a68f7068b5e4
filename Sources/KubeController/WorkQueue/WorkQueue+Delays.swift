import KubeAPI
import Synchronization
import CoreMetrics
extension WorkQueue {
    /// Moves delayed items into the queue when their time comes; returns once the queue is shut down.
    ///
    /// Sleeps on the queue's clock until the earliest deadline, waking early when an earlier one is added. A
    /// ``Controller`` runs this for its queue; run it yourself for a queue you use directly.
    public func runDelays() async {
        while true {
            let now = clock.elapsed()
            let (handoffs, next, stopped) = state.withLock {
                state -> ([(Waiter, Item, Duration)], Duration?, Bool) in
                if state.items.shuttingDown { return ([], nil, true) }
                let promoted = state.items.promote(now: now)
                if promoted > 0 { metrics.adds.increment(by: promoted) }
                var handoffs: [(Waiter, Item, Duration)] = []
                while let handoff = Self.handOff(&state, now: now) { handoffs.append(handoff) }
                return (handoffs, state.items.nextDeadline, false)
            }
            if stopped || Task.isCancelled { return }
            for handoff in handoffs { finish(handoff) }
            if handoffs.isEmpty { finish(nil) }
            await waitForWakeup(until: next, now: now)
        }
    }

    /// Waits until `deadline` passes or something wakes the loop (new earlier deadline, shutdown, cancellation).
    private func waitForWakeup(until deadline: Duration?, now: Duration) async {
        let clock = self.clock
        await withTaskGroup(of: Void.self) { group in
            if let deadline {
                group.addTask { try? await clock.sleep(deadline - now) }
            }
            group.addTask { await self.waitForSignal() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Wakes the delay loop (or makes its next wait return at once).
    func wakeDelayLoop() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.wakeWaiter {
                state.wakeWaiter = nil
                return waiter
            }
            state.wakePending = true
            return nil
        }
        waiter?.resume()
    }

    /// Suspends until ``wakeDelayLoop()`` or cancellation.
    private func waitForSignal() async {
        state.withLock { $0.wakeCancelled = false }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.wakePending || state.wakeCancelled {
                        state.wakePending = false
                        return true
                    }
                    state.wakeWaiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.wakeCancelled = true
                defer { state.wakeWaiter = nil }
                return state.wakeWaiter
            }
            waiter?.resume()
        }
    }
}
