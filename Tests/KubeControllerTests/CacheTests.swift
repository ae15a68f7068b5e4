import KubeAPI
import Testing

@testable import KubeController

@Suite(.timeLimit(.minutes(1)))
struct CacheTests {
    private func object(_ name: String, labels: [String: String] = [:], chart: String? = nil) -> KubeObject {
        var object = KubeObject.configMap("ns", name, labels: labels)
        object.resourceVersion = "1"
        if let chart { object["spec", "chart"] = .string(chart) }
        return object
    }

    @Test func testByIndex_followsAddsUpdatesAndDeletes() throws {
        let cache = Cache(.configMap)
        cache.addIndex("team", .label("team"))
        cache.upsert(object("a", labels: ["team": "red"]))
        cache.upsert(object("b", labels: ["team": "red"]))
        cache.upsert(object("c", labels: ["team": "blue"]))
        // An index added later covers what is already cached.
        cache.addIndex("chart", .field(["spec", "chart"]))
        #expect(try cache.byIndex("team", "red").map(\.name) == ["a", "b"])
        cache.upsert(object("b", labels: ["team": "blue"]))
        #expect(try cache.byIndex("team", "red").map(\.name) == ["a"])
        #expect(try cache.byIndex("team", "blue").map(\.name) == ["b", "c"])
        cache.remove(ObjectKey(namespace: "ns", name: "a"))
        #expect(try cache.byIndex("team", "red").isEmpty)
        #expect(cache.indexValues("team") == ["blue"])
        cache.upsert(object("d", chart: "podinfo"))
        #expect(try cache.byIndex("chart", "podinfo").map(\.name) == ["d"])
    }

    @Test func testByIndex_unknownIndexThrowsNamingIt() {
        let cache = Cache(.configMap)
        #expect(throws: ControllerError(code: .invalidConfiguration, message: "")) {
            _ = try cache.byIndex("missing", "x")
        }
        do {
            _ = try cache.byIndex("missing", "x")
        } catch {
            #expect(error.message.contains("\"missing\""))
        }
    }

    @Test func testList_filtersByNamespaceAndLabels() {
        let cache = Cache(.configMap)
        cache.upsert(object("a", labels: ["app": "x"]))
        cache.upsert(object("b"))
        var elsewhere = KubeObject.configMap("other", "c", labels: ["app": "x"])
        elsewhere.resourceVersion = "1"
        cache.upsert(elsewhere)
        #expect(cache.list().map(\.key.description) == ["ns/a", "ns/b", "other/c"])
        #expect(cache.list(namespace: "ns").map(\.name) == ["a", "b"])
        #expect(cache.list(labelSelector: [.equals("app", "x")]).map(\.key.description) == ["ns/a", "other/c"])
    }

    @Test func testReplace_reportsDifferencesAndSyncs() async throws {
        let cache = Cache(.configMap)
        #expect(!cache.hasSynced)
        _ = cache.replace(with: [object("a"), object("b")])
        #expect(!cache.hasSynced)
        cache.markSynced()
        #expect(cache.hasSynced)
        try await cache.waitForCacheSync()
        var changed = object("a")
        changed.resourceVersion = "2"
        let events = cache.replace(with: [changed, object("c")])
        #expect(events.map(\.summary) == ["updated ns/a", "added ns/c", "deleted ns/b"])
    }

    @Test func testWaitForCacheSync_wakesWhenTheFirstListIsStored() async throws {
        let cache = Cache(.configMap)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await cache.waitForCacheSync() }
            cache.markSynced()
            try await group.waitForAll()
        }
        #expect(cache.hasSynced)
    }

    @Test func testWaitForCacheSync_whenCancelled_throws() async {
        let cache = Cache(.configMap)
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do {
                    try await cache.waitForCacheSync()
                    return false
                } catch {
                    return error is CancellationError
                }
            }
            group.cancelAll()
            for await threw in group { #expect(threw) }
        }
    }
}
