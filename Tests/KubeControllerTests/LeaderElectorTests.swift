import Foundation
import KubeAPI
import KubeController
import KubeTestServer
import ServiceLifecycle
import Synchronization
import Testing

/// A service that records when it starts and stops, and runs until graceful shutdown.
struct RecordingService: Service {
    let log: Recorder<String>
    let name: String

    func run() async throws {
        log.append("\(name) started")
        try? await gracefulShutdown()
        log.append("\(name) stopped")
    }
}

@Suite(.timeLimit(.minutes(1)))
struct LeaderElectorTests {
    /// A wall clock starting at 2027-01-15T08:00:00.25Z that moves one second per reading, so each renewal
    /// writes a new renewTime.
    private func configuration(_ identity: String, clock: ManualClock) -> LeaderElector.Configuration {
        let readings = Locked(0.0)
        return LeaderElector.Configuration(
            leaseName: "fluxhelm", namespace: "ns", identity: identity, clock: clock,
            now: {
                readings.withLock { count in
                    defer { count += 1 }
                    return Date(timeIntervalSince1970: 1_800_000_000.25 + count)
                }
            })
    }

    private func lease(_ client: KubeClient) async throws -> KubeObject {
        try await client.get(.lease, ObjectKey(namespace: "ns", name: "fluxhelm"))
    }

    @Test func testRun_withoutALease_createsItAndRunsTheServices() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            let log = Recorder<String>()
            let elector = LeaderElector(
                client: client, configuration: configuration("a", clock: clock),
                services: [RecordingService(log: log, name: "controller")])
            try await withServices([elector]) {
                await log.wait { $0.contains("controller started") }
                #expect(elector.isLeader)
                let held = try await lease(client)
                #expect(held["spec", "holderIdentity"] == "a")
                #expect(held["spec", "leaseDurationSeconds"]?.intValue == 15)
                #expect(held["spec", "renewTime"]?.stringValue == "2027-01-15T08:00:00.250000Z")
                // Renewal every retry period keeps the lease.
                await clock.waitForSleepers(1)
                #expect(clock.pendingSleeps == [.seconds(2)])
                let before = held.resourceVersion
                clock.advance(by: .seconds(2))
                await clock.waitForLog { $0.count >= 2 }
                await clock.waitForSleepers(1)
                #expect(try await lease(client).resourceVersion != before)
            }
            // Graceful shutdown stops the services, then gives the lease up.
            #expect(log.values == ["controller started", "controller stopped"])
            #expect(try await lease(client)["spec", "holderIdentity"] == nil)
            #expect(!elector.isLeader)
        }
    }

    @Test func testRun_whileAnotherHoldsAFreshLease_waitsUntilItExpires() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            var other = KubeObject(.lease, key: ObjectKey(namespace: "ns", name: "fluxhelm"))
            other["spec"] = [
                "holderIdentity": "gone-replica", "leaseDurationSeconds": 15,
                "renewTime": "2027-01-15T07:59:59.000000Z", "leaseTransitions": 3,
            ]
            _ = try await client.create(other)
            let log = Recorder<String>()
            let elector = LeaderElector(
                client: client, configuration: configuration("b", clock: clock),
                services: [RecordingService(log: log, name: "controller")])
            try await withServices([elector]) {
                // Seen at t=0 on the local clock: it expires at t=15 s whatever its timestamps say, so the tries at
                // 0, 2, ..., 14 s fail and the one at 16 s wins.
                for _ in 0..<8 {
                    await clock.waitForSleepers(1)
                    #expect(!elector.isLeader)
                    clock.advance(by: .seconds(2))
                }
                await log.wait { $0.contains("controller started") }
                #expect(clock.now.offset == .seconds(16))
                let held = try await lease(client)
                #expect(held["spec", "holderIdentity"] == "b")
                #expect(held["spec", "leaseTransitions"]?.intValue == 4)
            }
        }
    }

    @Test func testRun_whenRenewalFails_stopsServicesAndThrowsLeadershipLost() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            let log = Recorder<String>()
            let elector = LeaderElector(
                client: client, configuration: configuration("c", clock: clock),
                services: [RecordingService(log: log, name: "controller")])
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await elector.run() }
                await log.wait { $0.contains("controller started") }
                // Another replica steals the lease; from now on every renewal sees a fresh foreign holder.
                var stolen = try await lease(client)
                stolen["spec", "holderIdentity"] = "thief"
                _ = try await client.update(stolen)
                for _ in 0..<5 {
                    await clock.waitForSleepers(1)
                    clock.advance(by: .seconds(2))
                }
                await #expect(throws: ControllerError(code: .leadershipLost, message: "")) {
                    try await tasks.next()
                }
            }
            #expect(log.values == ["controller started", "controller stopped"])
            #expect(!elector.isLeader)
            #expect(try await lease(client)["spec", "holderIdentity"] == "thief")
        }
    }
}
