import Foundation
import KubeTestServer
import Testing

/// Watches against a live server, driven by events and control hooks (no sleeps).
@Suite(.timeLimit(.minutes(1)))
struct KubeTestServerWatchTests {
    private let path = "/api/v1/namespaces/default/configmaps"

    @Test func testWatch_withoutVersion_sendsCurrentThenLiveEvents() async throws {
        try await withTestServer { _, client in
            _ = try await client.post(path, configMap("existing"))
            var watch = try await client.watch("\(path)?watch=true")
            #expect(watch.status == 200)
            let initial = try #require(try await watch.next())
            #expect(initial.type == "ADDED")
            #expect(lookup(initial.object, "metadata.name") as? String == "existing")
            #expect(initial.object["kind"] as? String == "ConfigMap")

            let created = try await client.post(path, configMap("live"))
            _ = try await client.patch("\(path)/live", #"{"data":{"x":"y"}}"#, type: "application/merge-patch+json")
            _ = try await client.delete("\(path)/live")
            let events = try await watch.next(3)
            #expect(events.map(\.type) == ["ADDED", "MODIFIED", "DELETED"])
            #expect(
                lookup(events[0].object, "metadata.resourceVersion") as? String
                    == created.string("metadata.resourceVersion"))
            #expect(lookup(events[2].object, "data.x") as? String == "y")
        }
    }

    @Test func testWatch_fromResourceVersion_replaysHistory() async throws {
        try await withTestServer { _, client in
            let first = try await client.post(path, configMap("a"))
            let start = try #require(first.string("metadata.resourceVersion"))
            _ = try await client.post(path, configMap("b"))
            _ = try await client.post("/api/v1/namespaces/kube-system/configmaps", configMap("elsewhere"))
            _ = try await client.delete("\(path)/a")
            var watch = try await client.watch("\(path)?watch=1&resourceVersion=\(start)")
            let events = try await watch.next(2)
            #expect(events.map(\.type) == ["ADDED", "DELETED"])
            #expect(events.map { lookup($0.object, "metadata.name") as? String } == ["b", "a"])
        }
    }

    @Test func testWatch_olderThanHistory_sendsGone() async throws {
        try await withTestServer(.init(watchHistoryLimit: 2)) { _, client in
            let first = try await client.post(path, configMap("a"))
            let start = try #require(first.string("metadata.resourceVersion"))
            for name in ["b", "c", "d"] { _ = try await client.post(path, configMap(name)) }
            var watch = try await client.watch("\(path)?watch=true&resourceVersion=\(start)")
            #expect(watch.status == 200)
            let error = try #require(try await watch.next())
            #expect(error.type == "ERROR")
            #expect(error.object["kind"] as? String == "Status")
            #expect(error.object["code"] as? Int == 410)
            #expect(error.object["reason"] as? String == "Expired")
            #expect((error.object["message"] as? String)?.hasPrefix("too old resource version: \(start) (") == true)
            #expect(try await watch.next() == nil)
        }
    }

    @Test func testCompact_expiresEarlierVersions() async throws {
        try await withTestServer { server, client in
            let first = try await client.post(path, configMap("a"))
            let start = try #require(first.string("metadata.resourceVersion"))
            _ = try await client.post(path, configMap("b"))
            let page = try await client.get("\(path)?limit=1")
            let token = try #require(page.string("metadata.continue"))
            // Compaction removes every version before the latest write, as an etcd compaction at that revision.
            _ = try await client.post(path, configMap("c"))
            server.compact()
            var watch = try await client.watch("\(path)?watch=true&resourceVersion=\(start)")
            #expect(try await watch.next()?.object["code"] as? Int == 410)
            let expired = try await client.get("\(path)?limit=1&continue=\(token)")
            #expect(expired.status == 410)
            #expect(expired.string("reason") == "Expired")
            var current = try await client.watch("\(path)?watch=true&resourceVersion=\(server.resourceVersion)")
            _ = try await client.post(path, configMap("d"))
            #expect(try await current.next()?.type == "ADDED")
        }
    }

    @Test func testWatch_labelSelector_translatesTransitions() async throws {
        try await withTestServer { _, client in
            var watch = try await client.watch("\(path)?watch=true&labelSelector=app%3Dweb")
            _ = try await client.post(path, configMap("other", labels: ["app": "db"]))
            _ = try await client.post(path, configMap("x", labels: ["app": "db"]))
            _ = try await client.patch(
                "\(path)/x", #"{"metadata":{"labels":{"app":"web"}}}"#, type: "application/merge-patch+json")
            _ = try await client.patch(
                "\(path)/x", #"{"metadata":{"labels":{"app":"db"}}}"#, type: "application/merge-patch+json")
            let events = try await watch.next(2)
            #expect(events.map(\.type) == ["ADDED", "DELETED"])
            #expect(events.allSatisfy { lookup($0.object, "metadata.name") as? String == "x" })
        }
    }

    @Test func testWatch_bookmarksOnRequest() async throws {
        try await withTestServer(.init(bookmarkInterval: .seconds(3600))) { server, client in
            var watch = try await client.watch(
                "\(path)?watch=true&allowWatchBookmarks=true&resourceVersion=\(server.resourceVersion)")
            _ = try await client.post(path, configMap("a"))
            #expect(try await watch.next()?.type == "ADDED")
            server.sendBookmarks()
            let bookmark = try #require(try await watch.next())
            #expect(bookmark.type == "BOOKMARK")
            #expect(lookup(bookmark.object, "metadata.resourceVersion") as? String == server.resourceVersion)
            #expect(bookmark.object["kind"] as? String == "ConfigMap")
        }
    }

    @Test func testWatch_sendInitialEvents_endsWithBookmark() async throws {
        try await withTestServer { _, client in
            _ = try await client.post(path, configMap("a"))
            var watch = try await client.watch(
                "\(path)?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan")
            let events = try await watch.next(2)
            #expect(events.map(\.type) == ["ADDED", "BOOKMARK"])
            let annotations = lookup(events[1].object, "metadata.annotations") as? [String: Any]
            #expect(annotations?["k8s.io/initial-events-end"] as? String == "true")
        }
    }

    @Test func testWatch_timeoutSecondsZeroEndsAtOnce_andCutWatchesEndsStreams() async throws {
        try await withTestServer { server, client in
            var timed = try await client.watch("\(path)?watch=true&timeoutSeconds=0")
            #expect(try await timed.next() == nil)
            var open = try await client.watch("\(path)?watch=true")
            _ = try await client.post(path, configMap("a"))
            #expect(try await open.next()?.type == "ADDED")
            server.cutWatches()
            #expect(try await open.next() == nil)
        }
    }

    @Test func testWatch_periodicBookmarks_arriveWithoutWrites() async throws {
        try await withTestServer(.init(bookmarkInterval: .milliseconds(5))) { server, client in
            var watch = try await client.watch(
                "\(path)?watch=true&allowWatchBookmarks=true&resourceVersion=\(server.resourceVersion)")
            let bookmark = try #require(try await watch.next())
            #expect(bookmark.type == "BOOKMARK")
            #expect(lookup(bookmark.object, "metadata.resourceVersion") as? String == server.resourceVersion)
        }
    }

    @Test func testWatchFault_failsOnlyWatches() async throws {
        try await withTestServer { server, client in
            server.failNextRequests(1, status: 500, matching: .watch)
            let list = try await client.get(path)
            #expect(list.status == 200)
            let failed = try await client.watch("\(path)?watch=true")
            #expect(failed.status == 500)
            let retried = try await client.watch("\(path)?watch=true")
            #expect(retried.status == 200)
        }
    }
}
