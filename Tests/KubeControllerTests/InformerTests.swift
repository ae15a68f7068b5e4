import KubeAPI
import KubeController
import KubeTestServer
import Testing

@Suite(.timeLimit(.minutes(1)))
struct InformerTests {
    @Test func testRun_listsThenDeliversWatchEvents() async throws {
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "a", data: ["v": "1"]))
            _ = try await client.create(.configMap("ns", "b"))
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            let events = record(informer)
            try await withServices([informer]) {
                try await informer.cache.waitForCacheSync()
                #expect(informer.cache.keys.map(\.name) == ["a", "b"])
                #expect(Set(events.values.map(\.summary)) == ["added ns/a", "added ns/b"])

                _ = try await client.create(.configMap("ns", "c"))
                _ = try await client.patch(
                    .configMap, ObjectKey(namespace: "ns", name: "a"), patch: .merge(["data": ["v": "2"]]))
                try await client.delete(.configMap, ObjectKey(namespace: "ns", name: "b"))
                let all = await events.wait { $0.contains { $0.summary == "deleted ns/b" } }
                #expect(all.dropFirst(2).map(\.summary) == ["added ns/c", "updated ns/a", "deleted ns/b"])
                #expect(informer.cache.get(ObjectKey(namespace: "ns", name: "a"))?["data", "v"] == "2")
                #expect(informer.cache.get(ObjectKey(namespace: "ns", name: "b")) == nil)
                if case .updated(let old, let new) = all[3] {
                    #expect(old["data", "v"] == "1")
                    #expect(new["data", "v"] == "2")
                } else {
                    Issue.record("expected an update, got \(all[3].summary)")
                }
                #expect(informer.currentProgress.lists == 1)
            }
        }
    }

    @Test func testRun_afterWatchCut_resumesWithoutMissingChanges() async throws {
        try await withTestServer { server, client in
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            let events = record(informer)
            try await withServices([informer]) {
                try await informer.cache.waitForCacheSync()
                _ = try await client.create(.configMap("ns", "before"))
                await events.wait { $0.contains { $0.summary == "added ns/before" } }
                server.cutWatches()
                // These writes may land while no watch is open; the resumed watch replays them from history.
                _ = try await client.create(.configMap("ns", "during-1"))
                _ = try await client.create(.configMap("ns", "during-2"))
                try await client.delete(.configMap, ObjectKey(namespace: "ns", name: "before"))
                let all = await events.wait { $0.contains { $0.summary == "deleted ns/before" } }
                #expect(
                    all.map(\.summary) == [
                        "added ns/before", "added ns/during-1", "added ns/during-2", "deleted ns/before",
                    ])
                #expect(informer.cache.keys.map(\.name) == ["during-1", "during-2"])
                // Resumed from the last version: one list, a second watch.
                #expect(informer.currentProgress.lists == 1)
                #expect(informer.currentProgress.watches >= 2)
            }
        }
    }

    @Test func testRun_afterGone_relistsAndDeliversDeletesFromTheGap() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "kept", data: ["v": "1"]))
            _ = try await client.create(.configMap("ns", "vanishes"))
            let informer = Informer(
                client: client, kind: .configMap,
                configuration: .init(namespace: "ns", resyncPeriod: nil, clock: clock))
            let events = record(informer)
            try await withServices([informer]) {
                try await informer.cache.waitForCacheSync()
                // Keep the informer from re-watching while the gap is made: the next watch fails, so it backs off.
                server.failNextRequests(1, status: 503, matching: .watch)
                server.cutWatches()
                await clock.waitForSleepers(1)
                _ = try await client.patch(
                    .configMap, ObjectKey(namespace: "ns", name: "kept"), patch: .merge(["data": ["v": "2"]]))
                try await client.delete(.configMap, ObjectKey(namespace: "ns", name: "vanishes"))
                _ = try await client.create(.configMap("ns", "new"))
                server.compact()
                clock.advance(by: .seconds(1))
                let all = await events.wait { $0.contains { $0.summary == "deleted ns/vanishes" } }
                #expect(
                    Set(all.dropFirst(2).map(\.summary)) == ["updated ns/kept", "deleted ns/vanishes", "added ns/new"])
                #expect(informer.cache.keys.map(\.name) == ["kept", "new"])
                #expect(informer.cache.get(ObjectKey(namespace: "ns", name: "kept"))?["data", "v"] == "2")
                #expect(informer.currentProgress.lists == 2)
                // And it watches again after the relist.
                _ = try await client.create(.configMap("ns", "after"))
                await events.wait { $0.contains { $0.summary == "added ns/after" } }
            }
        }
    }

    @Test func testRun_whenServerUnavailable_backsOffThenRecovers() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "a"))
            server.failNextRequests(3, status: 503, matching: .pathPrefix("/api/v1/namespaces/ns/configmaps"))
            let informer = Informer(
                client: client, kind: .configMap,
                configuration: .init(
                    namespace: "ns", resyncPeriod: nil, initialBackoff: .milliseconds(800), clock: clock))
            try await withServices([informer]) {
                for expected in [800, 1600, 3200] as [Int64] {
                    await clock.waitForSleepers(1)
                    #expect(clock.pendingSleeps == [.milliseconds(expected)])
                    #expect(!informer.hasSynced)
                    clock.advance(by: .milliseconds(expected))
                }
                try await informer.cache.waitForCacheSync()
                #expect(informer.cache.keys.map(\.name) == ["a"])
                #expect(informer.currentProgress.failures == 3)
                #expect(clock.sleepLog == [.milliseconds(800), .milliseconds(1600), .milliseconds(3200)])
            }
        }
    }

    @Test func testRun_whenWatchesFail_backsOffThenResumesFromTheLastVersion() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            let informer = Informer(
                client: client, kind: .configMap,
                configuration: .init(namespace: "ns", resyncPeriod: nil, clock: clock))
            let events = record(informer)
            try await withServices([informer]) {
                try await informer.cache.waitForCacheSync()
                server.failNextRequests(2, status: 503, matching: .watch)
                server.cutWatches()
                await clock.waitForSleepers(1)
                #expect(clock.pendingSleeps == [.milliseconds(800)])
                // A change while no watch is open.
                _ = try await client.create(.configMap("ns", "during-outage"))
                clock.advance(by: .milliseconds(800))
                await clock.waitForSleepers(1)
                #expect(clock.pendingSleeps == [.milliseconds(1600)])
                clock.advance(by: .milliseconds(1600))
                await events.wait { $0.contains { $0.summary == "added ns/during-outage" } }
                // Resumed from the last version: no relist.
                #expect(informer.currentProgress.lists == 1)
                #expect(informer.currentProgress.failures == 2)
            }
        }
    }

    @Test func testResync_redeliversEveryCachedObject() async throws {
        let clock = ManualClock()
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "a"))
            _ = try await client.create(.configMap("ns", "b"))
            let informer = Informer(
                client: client, kind: .configMap,
                configuration: .init(namespace: "ns", resyncPeriod: .seconds(600), clock: clock))
            let events = record(informer)
            try await withServices([informer]) {
                try await informer.cache.waitForCacheSync()
                await clock.waitForSleepers(1)
                #expect(clock.pendingSleeps == [.seconds(600)])
                clock.advance(by: .seconds(600))
                let all = await events.wait { $0.filter { $0.summary.hasPrefix("resynced") }.count == 2 }
                #expect(all.map(\.summary) == ["added ns/a", "added ns/b", "resynced ns/a", "resynced ns/b"])
                #expect(informer.currentProgress.resyncs == 1)
            }
        }
    }

    @Test func testRun_withLabelSelectorAndNamespace_seesOnlyMatchingObjects() async throws {
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "mine", labels: ["shard": "1"]))
            _ = try await client.create(.configMap("ns", "theirs", labels: ["shard": "2"]))
            _ = try await client.create(.configMap("other", "elsewhere", labels: ["shard": "1"]))
            let informer = Informer(
                client: client, kind: .configMap,
                configuration: .init(namespace: "ns", labelSelector: [.equals("shard", "1")], resyncPeriod: nil))
            let events = record(informer)
            try await withServices([informer]) {
                try await informer.cache.waitForCacheSync()
                #expect(informer.cache.keys.map(\.description) == ["ns/mine"])
                _ = try await client.create(.configMap("other", "elsewhere-2", labels: ["shard": "1"]))
                _ = try await client.create(.configMap("ns", "theirs-2", labels: ["shard": "2"]))
                // Relabelling into the shard arrives as an add, out of it as a delete.
                _ = try await client.patch(
                    .configMap, ObjectKey(namespace: "ns", name: "theirs"),
                    patch: .merge(["metadata": ["labels": ["shard": "1"]]]))
                _ = try await client.patch(
                    .configMap, ObjectKey(namespace: "ns", name: "mine"),
                    patch: .merge(["metadata": ["labels": ["shard": "2"]]]))
                let all = await events.wait { $0.contains { $0.summary == "deleted ns/mine" } }
                #expect(all.map(\.summary) == ["added ns/mine", "added ns/theirs", "deleted ns/mine"])
                #expect(informer.cache.keys.map(\.description) == ["ns/theirs"])
            }
        }
    }

    @Test func testAddEventHandler_onSyncedInformer_replaysCachedObjects() async throws {
        try await withTestServer { server, client in
            _ = try await client.create(.configMap("ns", "a"))
            let informer = Informer(
                client: client, kind: .configMap, configuration: .init(namespace: "ns", resyncPeriod: nil))
            try await withServices([informer]) {
                try await informer.cache.waitForCacheSync()
                let late = record(informer)
                #expect(late.values.map(\.summary) == ["added ns/a"])
            }
        }
    }
}
