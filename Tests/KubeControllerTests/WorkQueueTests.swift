import KubeAPI
import Synchronization
import Testing

@testable import KubeController

@Suite(.timeLimit(.minutes(1)))
struct WorkQueueTests {
    private func request(_ name: String) -> ReconcileRequest { ReconcileRequest(namespace: "ns", name: name) }

    @Test func testAdd_whenAlreadyQueued_keepsOneCopy() async {
        let queue = WorkQueue<ReconcileRequest>(name: "dedupe")
        queue.add(request("a"))
        queue.add(request("a"))
        queue.add(request("b"))
        #expect(queue.depth == 2)
        #expect(await queue.get() == request("a"))
        #expect(await queue.get() == request("b"))
        #expect(queue.depth == 0)
    }

    @Test func testAdd_whileProcessing_requeuesAfterDone() async {
        let queue = WorkQueue<ReconcileRequest>(name: "processing")
        queue.add(request("a"))
        let first = await queue.get()
        #expect(first == request("a"))
        queue.add(request("a"))
        // Held by a worker: not handed out again until done.
        #expect(queue.depth == 0)
        #expect(queue.processingCount == 1)
        queue.done(request("a"))
        #expect(queue.depth == 1)
        #expect(await queue.get() == request("a"))
        queue.done(request("a"))
        #expect(queue.depth == 0)
        #expect(queue.processingCount == 0)
    }

    @Test func testGet_withConcurrentWorkers_neverHandsOneKeyToTwoWorkers() async {
        let queue = WorkQueue<ReconcileRequest>(name: "concurrency")
        let keys = (0..<5).map { request("k\($0)") }
        let inFlight = Locked<[ReconcileRequest: Int]>([:])
        let violations = Locked(0)
        let processed = Locked<[ReconcileRequest: Int]>([:])
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    while let item = await queue.get() {
                        let concurrent = inFlight.withLock { table -> Int in
                            table[item, default: 0] += 1
                            return table[item, default: 0]
                        }
                        if concurrent > 1 { violations.withLock { $0 += 1 } }
                        // Re-add while processing, from inside the worker, to exercise the dirty path.
                        queue.add(item)
                        await Task.yield()
                        inFlight.withLock { $0[item, default: 0] -= 1 }
                        processed.withLock { $0[item, default: 0] += 1 }
                        queue.done(item)
                        if processed.withLock({ $0.values.reduce(0, +) }) >= 400 { queue.shutDown() }
                    }
                }
            }
            for round in 0..<40 {
                for key in keys { queue.add(key) }
                if round % 4 == 0 { await Task.yield() }
            }
        }
        #expect(violations.withLock { $0 } == 0)
        #expect(processed.withLock { $0.values.reduce(0, +) } >= 400)
        #expect(Set(processed.withLock { Array($0.keys) }) == Set(keys))
    }

    @Test func testAddAfter_deliversOnlyWhenTheDelayHasPassed() async throws {
        let clock = ManualClock()
        let queue = WorkQueue<ReconcileRequest>(name: "delay", clock: clock)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await queue.runDelays() }
            queue.add(request("later"), after: .seconds(5))
            #expect(queue.depth == 0)
            #expect(queue.waitingCount == 1)
            await clock.waitForSleepers(1)
            #expect(clock.pendingSleeps == [.seconds(5)])
            clock.advance(by: .seconds(4))
            // The loop woke early? No: still one sleeper with 1 s left, nothing queued.
            await clock.waitForSleepers(1)
            #expect(queue.depth == 0)
            clock.advance(by: .seconds(1))
            #expect(await queue.get() == request("later"))
            queue.done(request("later"))
            queue.shutDown()
        }
    }

    @Test func testAddAfter_earlierDelayWinsAndWakesTheLoop() async {
        let clock = ManualClock()
        let queue = WorkQueue<ReconcileRequest>(name: "reschedule", clock: clock)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await queue.runDelays() }
            queue.add(request("x"), after: .seconds(60))
            await clock.waitForLog { $0.contains(.seconds(60)) }
            queue.add(request("x"), after: .seconds(2))
            queue.add(request("x"), after: .seconds(30))  // later than the pending 2 s: ignored
            await clock.waitForLog { $0.contains(.seconds(2)) }
            #expect(queue.waitingCount == 1)
            clock.advance(by: .seconds(2))
            #expect(await queue.get() == request("x"))
            queue.done(request("x"))
            queue.shutDown()
        }
    }

    @Test func testAddRateLimited_backoffGrowsPerFailureAndForgetResets() async {
        let clock = ManualClock()
        let limiter = ExponentialRateLimiter<ReconcileRequest>(baseDelay: .seconds(1), maximumDelay: .seconds(6))
        let queue = WorkQueue<ReconcileRequest>(name: "ratelimited", rateLimiter: limiter, clock: clock)
        let item = request("flaky")
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await queue.runDelays() }
            var expected: [Duration] = []
            for delay in [1, 2, 4, 6, 6] as [Int64] {
                queue.addRateLimited(item)
                expected.append(.seconds(delay))
                await clock.waitForSleepers(1)
                #expect(clock.pendingSleeps == [.seconds(delay)])
                clock.advance(by: .seconds(delay))
                #expect(await queue.get() == item)
                queue.done(item)
            }
            #expect(queue.retries(item) == 5)
            queue.forget(item)
            #expect(queue.retries(item) == 0)
            queue.addRateLimited(item)
            await clock.waitForSleepers(1)
            #expect(clock.pendingSleeps == [.seconds(1)])
            queue.shutDown()
        }
    }

    @Test func testExponentialRateLimiter_usesClientGoDefaults() {
        let limiter = ExponentialRateLimiter<String>()
        #expect(limiter.when("a") == .milliseconds(5))
        #expect(limiter.when("a") == .milliseconds(10))
        #expect(limiter.when("a") == .milliseconds(20))
        #expect(limiter.when("b") == .milliseconds(5))
        for _ in 0..<40 { _ = limiter.when("a") }
        #expect(limiter.when("a") == .seconds(1000))
        limiter.forget("a")
        #expect(limiter.when("a") == .milliseconds(5))
    }

    @Test func testBucketRateLimiter_spreadsRetriesAfterTheBurst() {
        let clock = ManualClock()
        let limiter = BucketRateLimiter<String>(qps: 10, burst: 2, clock: clock)
        #expect(limiter.when("a") == .zero)
        #expect(limiter.when("b") == .zero)
        #expect(limiter.when("c") == .milliseconds(100))
        let combined = MaxOfRateLimiter<String>([ExponentialRateLimiter<String>(baseDelay: .seconds(1)), limiter])
        #expect(combined.when("d") == .seconds(1))
        #expect(combined.retries("d") == 1)
    }

    @Test func testShutDown_wakesWaitingWorkersAndIgnoresLaterAdds() async {
        let queue = WorkQueue<ReconcileRequest>(name: "shutdown")
        await withTaskGroup(of: ReconcileRequest?.self) { group in
            group.addTask { await queue.get() }
            group.addTask { await queue.get() }
            queue.shutDown()
            for await item in group { #expect(item == nil) }
        }
        queue.add(request("late"))
        #expect(queue.depth == 0)
        #expect(await queue.get() == nil)
    }

    @Test func testShutDownWithDrain_waitsForItemsInProcess() async {
        let queue = WorkQueue<ReconcileRequest>(name: "drain")
        queue.add(request("busy"))
        queue.add(request("queued"))
        let item = await queue.get()
        #expect(item == request("busy"))
        let finished = Locked(false)
        queue.shutDown()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await queue.shutDownWithDrain()
                // The drain returns only after `done`, which runs after `finished` is set.
                #expect(finished.withLock { $0 })
            }
            // The queued item is dropped: workers get nil once shut down.
            #expect(await queue.get() == nil)
            finished.withLock { $0 = true }
            queue.done(request("busy"))
        }
        #expect(queue.processingCount == 0)
    }

    @Test func testGet_whenCancelled_returnsNil() async {
        let queue = WorkQueue<ReconcileRequest>(name: "cancel")
        await withTaskGroup(of: ReconcileRequest?.self) { group in
            group.addTask { await queue.get() }
            group.cancelAll()
            for await item in group { #expect(item == nil) }
        }
        // The cancelled waiter is gone: a later item goes to the next get.
        queue.add(request("next"))
        #expect(await queue.get() == request("next"))
    }
}
