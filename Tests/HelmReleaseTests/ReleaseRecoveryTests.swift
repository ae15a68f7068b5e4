import HelmEngine
import HelmRelease
import Testing

struct ReleaseRecoveryTests {
    let start = GoTime.at("2026-01-01T00:00:00Z")
    let timeout = Duration.seconds(300)

    private func lease(holder: String?, renewed: GoTime) -> ReleaseLease {
        ReleaseLease(
            release: "web", namespace: "ns", holderIdentity: holder, leaseDuration: .seconds(60), acquireTime: renewed,
            renewTime: renewed
        )
    }

    @Test(arguments: [ReleaseStatus.deployed, .failed, .superseded, .uninstalled])
    func testDecide_settledStatusProceeds(_ status: ReleaseStatus) {
        let latest = makeRelease("web", version: 2, status: status, written: start)
        #expect(
            ReleaseRecovery.decide(latest: latest, previousLease: nil, now: start, operationTimeout: timeout)
                == .proceed)
    }

    @Test func testDecide_noReleaseProceeds() {
        #expect(
            ReleaseRecovery.decide(latest: nil, previousLease: nil, now: start, operationTimeout: timeout) == .proceed)
    }

    @Test(arguments: [ReleaseStatus.pendingInstall, .pendingUpgrade, .pendingRollback, .uninstalling])
    func testDecide_pendingUnderExpiredLeaseRecoversAtOnce(_ status: ReleaseStatus) throws {
        // The holder wrote the pending record, then stopped renewing: it died mid-operation.
        let latest = makeRelease("web", version: 3, status: status, written: start.adding(.seconds(5)))
        let dead = lease(holder: "fluxhelm-a", renewed: start.adding(.seconds(10)))
        let now = start.adding(.seconds(71))  // lease expired at +70 s, far less than the timeout
        let decision = ReleaseRecovery.decide(latest: latest, previousLease: dead, now: now, operationTimeout: timeout)
        guard case .recover(let failed) = decision else {
            Issue.record("expected recover, got \(decision)")
            return
        }
        #expect(failed.status == .failed)
        #expect(failed.version == 3)
        let description = try #require(failed.info?.description)
        #expect(description.hasPrefix("interrupted: \(status.rawValue) left by fluxhelm-a"))
        #expect(failed.info?.lastDeployed == latest.info?.lastDeployed)
    }

    @Test func testDecide_pendingWithoutLeaseWaitsUntilTimeout() {
        // Written by a tool that takes no fluxhelm lease (the helm CLI): only age proves it is dead.
        let latest = makeRelease("web", version: 3, status: .pendingUpgrade, written: start)
        let early = ReleaseRecovery.decide(
            latest: latest, previousLease: nil, now: start.adding(.seconds(299)), operationTimeout: timeout
        )
        guard case .wait(let until, let reason) = early else {
            Issue.record("expected wait, got \(early)")
            return
        }
        #expect(until == start.adding(timeout))
        #expect(reason.contains("pending-upgrade"))

        let late = ReleaseRecovery.decide(
            latest: latest, previousLease: nil, now: start.adding(timeout), operationTimeout: timeout
        )
        guard case .recover(let failed) = late else {
            Issue.record("expected recover, got \(late)")
            return
        }
        #expect(failed.info?.description.hasPrefix("interrupted: pending-upgrade since 2026-01-01T00:00:00Z") == true)
    }

    @Test func testDecide_pendingWrittenAfterLeaseExpiredUsesAge() {
        // The old holder's lease ended at +60 s; the record is from +100 s, so someone else wrote it.
        let latest = makeRelease("web", version: 3, status: .pendingInstall, written: start.adding(.seconds(100)))
        let old = lease(holder: "fluxhelm-a", renewed: start)
        let decision = ReleaseRecovery.decide(
            latest: latest, previousLease: old, now: start.adding(.seconds(110)), operationTimeout: timeout
        )
        #expect(decision == .wait(until: start.adding(.seconds(400)), reason: waitReason(decision)))
    }

    @Test func testDecide_releasedLeaseDoesNotVouch() {
        let latest = makeRelease("web", version: 3, status: .pendingInstall, written: start)
        let released = lease(holder: nil, renewed: start.adding(.seconds(1)))
        let decision = ReleaseRecovery.decide(
            latest: latest, previousLease: released, now: start.adding(.seconds(2)), operationTimeout: timeout
        )
        guard case .wait = decision else {
            Issue.record("expected wait, got \(decision)")
            return
        }
    }

    @Test func testDecide_pendingWithoutTimesIsStale() {
        let latest = makeRelease("web", version: 1, status: .pendingInstall, written: .zero)
        guard
            case .recover = ReleaseRecovery.decide(
                latest: latest, previousLease: nil, now: start, operationTimeout: timeout)
        else {
            Issue.record("expected recover")
            return
        }
    }

    private func waitReason(_ decision: ReleaseRecovery.Decision) -> String {
        if case .wait(_, let reason) = decision { return reason }
        return ""
    }
}
