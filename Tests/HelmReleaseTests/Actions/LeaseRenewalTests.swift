import HelmEngine
import KubeAPI
import Synchronization
import Testing

@testable import HelmRelease

/// A clock whose sleeps end only when the test fires it (or the sleeping task is cancelled).
final class GateClock: Clock {
    typealias Instant = ContinuousClock.Instant
    private struct State {
        var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
        var next = 0
        var started = 0
    }
    private let state = Mutex(State())

    var now: Instant { ContinuousClock.now }
    var minimumResolution: Duration { .zero }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let id = state.withLock { state in
            state.next += 1
            return state.next
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let cancelled = state.withLock { state in
                    if Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    state.started += 1
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }

    /// Ends every sleep under way.
    func fire() {
        let waiters = state.withLock { state in
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Yields until `count` sleeps have started in total.
    func waitForSleeps(_ count: Int) async {
        for _ in 0..<1_000_000 {
            if state.withLock({ $0.started >= count }) { return }
            await Task.yield()
        }
        Issue.record("the lock never slept \(count) times")
    }
}

/// The lease is renewed on the injected timer while an operation runs, and a lost lease cancels it.
@Suite(.timeLimit(.minutes(1)))
struct LeaseRenewalTests {
    private func configuration(_ env: ActionEnvironment, leases: MemoryReleaseLeaseStore, timer: GateClock)
        -> ActionConfiguration
    {
        ActionConfiguration(
            client: env.client, storage: ReleaseStorage(driver: MemoryReleaseDriver()),
            lock: ReleaseLock(store: leases, identity: "fluxhelm-me", clock: env.clock),
            renderer: ChartRenderer(), clock: env.clock, timer: timer)
    }

    @Test func testOperation_renewsLeaseAndReleasesItAtTheEnd() async throws {
        try await ActionBackend.run { env, _ in
            let leases = MemoryReleaseLeaseStore()
            let timer = GateClock()
            let actions = configuration(env, leases: leases, timer: timer)
            let (gate, open) = AsyncStream<Void>.makeStream()
            async let outcome = Result(catching: {
                try await actions.withReleaseLock(name: "web", namespace: "ns") { _ in
                    for await _ in gate {}
                    return 7
                }
            })
            await timer.waitForSleeps(1)
            env.clock.advance(.seconds(20))
            timer.fire()
            await timer.waitForSleeps(2)
            let renewed = try #require(await leases.get(release: "web", namespace: "ns"))
            #expect(renewed.holderIdentity == "fluxhelm-me")
            #expect(renewed.renewTime == env.clock.now())
            open.finish()
            let value = try await outcome.get()
            #expect(value == 7)
            #expect(await leases.get(release: "web", namespace: "ns")?.holderIdentity == nil)
        }
    }

    @Test func testOperation_cancelledWhenLeaseIsLost() async throws {
        try await ActionBackend.run { env, _ in
            let leases = MemoryReleaseLeaseStore()
            let timer = GateClock()
            let actions = configuration(env, leases: leases, timer: timer)
            let (gate, _) = AsyncStream<Void>.makeStream()
            async let outcome = Result(catching: {
                try await actions.withReleaseLock(name: "web", namespace: "ns") { _ in
                    for await _ in gate {}
                    return 7
                }
            })
            await timer.waitForSleeps(1)
            // Another process overwrites the lease (as after a long pause of this one).
            var stolen = try #require(await leases.get(release: "web", namespace: "ns"))
            stolen.holderIdentity = "fluxhelm-thief"
            _ = try await leases.update(stolen)
            timer.fire()
            switch await outcome {
            case .success: Issue.record("the operation finished although its lease was lost")
            case .failure(let error):
                #expect((error as? ReleaseError)?.code == .locked)
                #expect("\(error)".contains("taken by another process"))
            }
            #expect(await leases.get(release: "web", namespace: "ns")?.holderIdentity == "fluxhelm-thief")
        }
    }
}

extension LeaseRenewalTests {
    @Test func testCancelledOperation_leavesLeaseToExpire() async throws {
        try await ActionBackend.run { env, _ in
            let leases = MemoryReleaseLeaseStore()
            let timer = GateClock()
            let actions = ActionConfiguration(
                client: env.client, storage: ReleaseStorage(driver: MemoryReleaseDriver()),
                lock: ReleaseLock(store: leases, identity: "fluxhelm-me", clock: env.clock),
                renderer: ChartRenderer(), clock: env.clock, timer: timer)
            let (gate, _) = AsyncStream<Void>.makeStream()
            let outcome = await withTaskGroup(of: Result<Int, any Error>.self) { group in
                group.addTask {
                    await Result(catching: {
                        try await actions.withReleaseLock(name: "web", namespace: "ns") { _ in
                            for await _ in gate {}
                            try Task.checkCancellation()
                            return 7
                        }
                    })
                }
                await timer.waitForSleeps(1)
                group.cancelAll()
                return await group.next() ?? .success(0)
            }
            if case .success = outcome { Issue.record("the cancelled operation succeeded") }
            let lease = try #require(await leases.get(release: "web", namespace: "ns"))
            #expect(lease.holderIdentity == "fluxhelm-me")
        }
    }
}
