import HelmEngine
import HelmRelease
import Testing

struct ReleaseLockStateMachineTests {
    let start = GoTime.at("2026-01-01T00:00:00Z")

    private func lease(holder: String?, renewed: GoTime, version: String = "1") -> ReleaseLease {
        ReleaseLease(
            release: "web", namespace: "ns", holderIdentity: holder, leaseDuration: .seconds(60), acquireTime: renewed,
            renewTime: renewed, leaseTransitions: 0, resourceVersion: version
        )
    }

    @Test func testAcquire_noLeaseCreatesOne() {
        let machine = ReleaseLockStateMachine(identity: "a", leaseDuration: .seconds(60))
        guard case .create(let lease) = machine.acquire(release: "web", namespace: "ns", observed: nil, now: start)
        else {
            Issue.record("expected create")
            return
        }
        #expect(lease.holderIdentity == "a" && lease.renewTime == start && lease.expiry == start.adding(.seconds(60)))
    }

    @Test func testAcquire_liveLeaseOfAnotherHolderWaits() {
        let machine = ReleaseLockStateMachine(identity: "b", leaseDuration: .seconds(60))
        let observed = lease(holder: "a", renewed: start)
        let action = machine.acquire(
            release: "web", namespace: "ns", observed: observed, now: start.adding(.seconds(59)))
        #expect(action == .wait(holder: "a", expiry: start.adding(.seconds(60))))
    }

    @Test func testAcquire_expiredLeaseIsTakenOver() {
        let machine = ReleaseLockStateMachine(identity: "b", leaseDuration: .seconds(30))
        let observed = lease(holder: "a", renewed: start, version: "7")
        let now = start.adding(.seconds(60))
        guard case .update(let next) = machine.acquire(release: "web", namespace: "ns", observed: observed, now: now)
        else {
            Issue.record("expected update")
            return
        }
        #expect(next.holderIdentity == "b")
        #expect(next.acquireTime == now && next.renewTime == now)
        #expect(next.leaseTransitions == 1)
        #expect(next.leaseDuration == .seconds(30))
        #expect(next.resourceVersion == "7")  // the write is conditional on what was read
    }

    @Test func testAcquire_releasedLeaseIsTakenAtOnce() {
        let machine = ReleaseLockStateMachine(identity: "b", leaseDuration: .seconds(60))
        let observed = lease(holder: nil, renewed: start)
        guard case .update(let next) = machine.acquire(release: "web", namespace: "ns", observed: observed, now: start)
        else {
            Issue.record("expected update")
            return
        }
        #expect(next.holderIdentity == "b")
    }

    @Test func testRenew_beforeExpiryMovesRenewTime() {
        var machine = ReleaseLockStateMachine(identity: "a", leaseDuration: .seconds(60))
        machine.acquired(lease(holder: "a", renewed: start))
        let now = start.adding(.seconds(20))
        guard case .update(let next) = machine.renew(now: now) else {
            Issue.record("expected update")
            return
        }
        #expect(next.renewTime == now && next.acquireTime == start)
        machine.renewed(next)
        #expect(machine.heldLease == next)
    }

    @Test func testRenew_afterExpiryIsLost() {
        var machine = ReleaseLockStateMachine(identity: "a", leaseDuration: .seconds(60))
        machine.acquired(lease(holder: "a", renewed: start))
        #expect(machine.renew(now: start.adding(.seconds(60))) == .lost(expiredAt: start.adding(.seconds(60))))
        #expect(machine.isLost && machine.heldLease == nil)
    }

    @Test func testWriteConflicted_whileHeldIsLost() {
        var machine = ReleaseLockStateMachine(identity: "a", leaseDuration: .seconds(60))
        machine.acquired(lease(holder: "a", renewed: start))
        machine.writeConflicted()
        #expect(machine.isLost)
    }

    @Test func testRelease_clearsHolder() {
        var machine = ReleaseLockStateMachine(identity: "a", leaseDuration: .seconds(60))
        #expect(machine.release(now: start) == nil)
        machine.acquired(lease(holder: "a", renewed: start))
        let released = machine.release(now: start.adding(.seconds(5)))
        #expect(released?.holderIdentity == nil && released?.renewTime == start.adding(.seconds(5)))
        #expect(machine.heldLease == nil && machine.renew(now: start) == .notHeld)
    }

    @Test func testTwoContenders_sameObservation_oneWins() async throws {
        // Both read "no lease" and both try to create; the store's create is the arbiter.
        let store = MemoryReleaseLeaseStore()
        var first = ReleaseLockStateMachine(identity: "a", leaseDuration: .seconds(60))
        var second = ReleaseLockStateMachine(identity: "b", leaseDuration: .seconds(60))
        let actionA = first.acquire(release: "web", namespace: "ns", observed: nil, now: start)
        let actionB = second.acquire(release: "web", namespace: "ns", observed: nil, now: start)
        guard case .create(let leaseA) = actionA, case .create(let leaseB) = actionB else {
            Issue.record("expected two creates")
            return
        }
        first.acquired(try await store.create(leaseA))
        await #expect(throws: ReleaseError(code: .conflict, message: "")) { try await store.create(leaseB) }
        second.writeConflicted()
        let observed = await store.get(release: "web", namespace: "ns")
        #expect(
            second.acquire(release: "web", namespace: "ns", observed: observed, now: start)
                == .wait(holder: "a", expiry: start.adding(.seconds(60))))
        #expect(first.heldLease != nil && second.heldLease == nil)
    }

    @Test func testTwoContenders_takeOverRace_oneWins() async throws {
        // Both see the same expired lease; the conditional update lets only the first through.
        let store = MemoryReleaseLeaseStore()
        let old = try await store.create(lease(holder: "dead", renewed: start))
        let now = start.adding(.seconds(120))
        let first = ReleaseLockStateMachine(identity: "a", leaseDuration: .seconds(60))
        let second = ReleaseLockStateMachine(identity: "b", leaseDuration: .seconds(60))
        guard case .update(let leaseA) = first.acquire(release: "web", namespace: "ns", observed: old, now: now),
            case .update(let leaseB) = second.acquire(release: "web", namespace: "ns", observed: old, now: now)
        else {
            Issue.record("expected two updates")
            return
        }
        _ = try await store.update(leaseA)
        await #expect(throws: ReleaseError(code: .conflict, message: "")) { try await store.update(leaseB) }
        #expect(await store.get(release: "web", namespace: "ns")?.holderIdentity == "a")
    }
}
