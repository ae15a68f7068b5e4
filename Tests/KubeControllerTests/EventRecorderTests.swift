import Foundation
import KubeAPI
import KubeController
import KubeTestServer
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1)))
struct EventRecorderTests {
    /// A wall clock that moves one minute per reading.
    private static func steppingClock() -> @Sendable () -> Date {
        let tick = Locked(0.0)
        return {
            tick.withLock { value in
                value += 60
                return Date(timeIntervalSince1970: 1_800_000_000 + value)
            }
        }
    }

    @Test func testRecord_repeatBumpsCountOnOneEvent() async throws {
        try await withTestServer { server, client in
            let subject = try await client.create(.configMap("ns", "release"))
            let recorder = EventRecorder(client: client, component: "helm-controller", now: Self.steppingClock())
            let first = await recorder.record(subject, type: .warning, reason: "InstallFailed", message: "chart broke")
            let second = await recorder.record(subject, type: .warning, reason: "InstallFailed", message: "chart broke")
            let third = await recorder.record(subject, type: .warning, reason: "InstallFailed", message: "chart broke")
            #expect(first?.name == second?.name)
            #expect(second?.name == third?.name)

            let events = try await client.list(.event, namespace: "ns").items
            #expect(events.count == 1)
            let event = try #require(events.first)
            #expect(event["count"]?.intValue == 3)
            #expect(event["reason"] == "InstallFailed")
            #expect(event["message"] == "chart broke")
            #expect(event["type"] == "Warning")
            #expect(event["involvedObject", "kind"] == "ConfigMap")
            #expect(event["involvedObject", "name"] == "release")
            #expect(event["involvedObject", "uid"]?.stringValue == subject.uid)
            #expect(event["source", "component"] == "helm-controller")
            #expect(event["firstTimestamp"]?.stringValue == "2027-01-15T08:01:00Z")
            #expect(event["lastTimestamp"]?.stringValue == "2027-01-15T08:03:00Z")
        }
    }

    @Test func testRecord_differentMessageIsANewEvent() async throws {
        try await withTestServer { server, client in
            let subject = try await client.create(.configMap("ns", "release"))
            let recorder = EventRecorder(client: client, component: "helm-controller")
            await recorder.record(subject, type: .normal, reason: "InstallSucceeded", message: "v1")
            await recorder.record(subject, type: .normal, reason: "UpgradeSucceeded", message: "v2")
            await recorder.record(subject, type: .normal, reason: "UpgradeSucceeded", message: "v2")
            let events = try await client.list(.event, namespace: "ns").items.sorted { $0.name < $1.name }
            #expect(events.count == 2)
            #expect(
                Set(events.map { "\($0["reason"]?.stringValue ?? "") x\($0["count"]?.intValue ?? 0)" }) == [
                    "InstallSucceeded x1", "UpgradeSucceeded x2",
                ])
        }
    }

    @Test func testRecord_afterTheEventExpired_startsANewSeries() async throws {
        try await withTestServer { server, client in
            let subject = try await client.create(.configMap("ns", "release"))
            let recorder = EventRecorder(client: client, component: "helm-controller")
            let first = try #require(await recorder.record(subject, type: .normal, reason: "Ready", message: "ok"))
            try await client.delete(.event, first.key)
            let second = try #require(await recorder.record(subject, type: .normal, reason: "Ready", message: "ok"))
            #expect(second.name != first.name)
            #expect(second["count"]?.intValue == 1)
        }
    }

    @Test func testRecord_whenTheWriteFails_returnsNilWithoutThrowing() async throws {
        try await withTestServer { server, client in
            let subject = try await client.create(.configMap("ns", "release"))
            let recorder = EventRecorder(client: client, component: "helm-controller")
            server.failNextRequests(1, status: 500, matching: .method("POST"))
            let event = await recorder.record(subject, type: .warning, reason: "Failed", message: "x")
            #expect(event == nil)
            #expect(try await client.list(.event, namespace: "ns").items.isEmpty)
        }
    }
}
