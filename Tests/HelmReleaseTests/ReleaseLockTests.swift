import HelmRelease
import Testing

struct ReleaseLockTests {
    let clock = ManualWallClock()
    let leases = MemoryReleaseLeaseStore()

    private func lock(_ identity: String) -> ReleaseLock {
        ReleaseLock(
            store: leases, identity: identity, clock: clock,
            configuration: .init(leaseDuration: .seconds(60), operationTimeout: .seconds(300))
        )
    }

    @Test func testAcquire_liveLockIsRespected() async throws {
        let a = lock("a")
        let b = lock("b")
        let (held, previous) = try await a.acquire(release: "web", namespace: "ns")
        #expect(held.holderIdentity == "a" && previous == nil)
        clock.advance(.seconds(59))
        await #expect(throws: ReleaseError(code: .locked, message: "")) {
            try await b.acquire(release: "web", namespace: "ns")
        }
        // Another release is independent.
        _ = try await b.acquire(release: "db", namespace: "ns")
    }

    @Test func testAcquire_renewedLockStaysHeld() async throws {
        let a = lock("a")
        let b = lock("b")
        _ = try await a.acquire(release: "web", namespace: "ns")
        for _ in 0..<5 {
            clock.advance(.seconds(20))
            try await a.renew(release: "web", namespace: "ns")
        }
        await #expect(throws: ReleaseError(code: .locked, message: "")) {
            try await b.acquire(release: "web", namespace: "ns")
        }
    }

    @Test func testAcquire_expiredLockIsTakenOverAndOldHolderLosesIt() async throws {
        let a = lock("a")
        let b = lock("b")
        _ = try await a.acquire(release: "web", namespace: "ns")
        clock.advance(.seconds(61))
        let (held, previous) = try await b.acquire(release: "web", namespace: "ns")
        #expect(held.holderIdentity == "b" && held.leaseTransitions == 1)
        #expect(previous?.holderIdentity == "a")
        await #expect(throws: ReleaseError(code: .locked, message: "")) {
            try await a.renew(release: "web", namespace: "ns")
        }
    }

    @Test func testRenew_conflictMeansLost() async throws {
        // a's lease is taken over while a still thinks it is valid (its renewal raced b's take-over).
        let a = lock("a")
        let b = lock("b")
        _ = try await a.acquire(release: "web", namespace: "ns")
        clock.advance(.seconds(61))
        _ = try await b.acquire(release: "web", namespace: "ns")
        clock.advance(.seconds(-30))  // a's clock view: before its own expiry, so it tries to write
        await #expect(throws: ReleaseError(code: .locked, message: "")) {
            try await a.renew(release: "web", namespace: "ns")
        }
        #expect(await leases.get(release: "web", namespace: "ns")?.holderIdentity == "b")
    }

    @Test func testRelease_letsTheNextProcessInAtOnce() async throws {
        let a = lock("a")
        let b = lock("b")
        _ = try await a.acquire(release: "web", namespace: "ns")
        try await a.release(release: "web", namespace: "ns")
        let (held, _) = try await b.acquire(release: "web", namespace: "ns")
        #expect(held.holderIdentity == "b")
    }

    @Test(.timeLimit(.minutes(1)), arguments: 0..<20)
    func testAcquire_concurrentContendersExactlyOneWins(_ round: Int) async throws {
        let contenders = (0..<4).map { lock("p\($0)") }
        let winners = await withTaskGroup(of: String?.self) { group in
            for contender in contenders {
                group.addTask {
                    (try? await contender.acquire(release: "web", namespace: "ns"))?.held.holderIdentity
                }
            }
            var names: [String] = []
            for await name in group { if let name { names.append(name) } }
            return names
        }
        #expect(winners.count == 1, "round \(round): \(winners)")
        #expect(await leases.get(release: "web", namespace: "ns")?.holderIdentity == winners.first)
    }

    // MARK: Recovery

    @Test func testBeginOperation_recoversPendingRecordOfDeadHolder() async throws {
        let storage = ReleaseStorage(driver: MemoryReleaseDriver())
        let a = lock("a")
        let b = lock("b")
        // Process a: takes the lock, records pending-upgrade of revision 2, then dies (never renews, never ends).
        _ = try await a.beginOperation(release: "web", namespace: "ns", storage: storage)
        try await storage.create(makeRelease("web", version: 1, status: .deployed, written: clock.now()))
        try await storage.create(makeRelease("web", version: 2, status: .pendingUpgrade, written: clock.now()))

        clock.advance(.seconds(30))
        await #expect(throws: ReleaseError(code: .locked, message: "")) {
            try await b.beginOperation(release: "web", namespace: "ns", storage: storage)
        }

        clock.advance(.seconds(31))
        let start = try await b.beginOperation(release: "web", namespace: "ns", storage: storage)
        #expect(start.lease.holderIdentity == "b")
        #expect(start.recovered?.version == 2)
        let stored = try await storage.get(name: "web", version: 2, namespace: "ns")
        #expect(stored.status == .failed)
        #expect(stored.info?.description.hasPrefix("interrupted: pending-upgrade left by a") == true)
        #expect(start.latest == stored)
        // The deployed revision is untouched and still current.
        #expect(try await storage.deployed(name: "web", namespace: "ns").version == 1)
    }

    @Test func testBeginOperation_pendingWithoutLeaseWaitsThenRecovers() async throws {
        // Revision 1 was left pending-install by a tool that takes no fluxhelm lease.
        let storage = ReleaseStorage(driver: MemoryReleaseDriver())
        try await storage.create(makeRelease("web", version: 1, status: .pendingInstall, written: clock.now()))
        let b = lock("b")
        clock.advance(.seconds(100))
        await #expect(throws: ReleaseError(code: .locked, message: "")) {
            try await b.beginOperation(release: "web", namespace: "ns", storage: storage)
        }
        // Waiting gave the lease back, so another fluxhelm is not blocked by it.
        #expect(await leases.get(release: "web", namespace: "ns")?.holderIdentity == nil)
        #expect(try await storage.last(name: "web", namespace: "ns").status == .pendingInstall)

        clock.advance(.seconds(200))
        let start = try await b.beginOperation(release: "web", namespace: "ns", storage: storage)
        #expect(start.recovered?.status == .failed)
        #expect(try await storage.last(name: "web", namespace: "ns").status == .failed)
    }

    @Test func testBeginOperation_settledReleaseProceeds() async throws {
        let storage = ReleaseStorage(driver: MemoryReleaseDriver())
        try await storage.create(makeRelease("web", version: 1, status: .deployed, written: clock.now()))
        let start = try await lock("a").beginOperation(release: "web", namespace: "ns", storage: storage)
        #expect(start.recovered == nil && start.latest?.version == 1)
    }
}
