import KubeAPI
import KubeTestServer
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ContractWatchTests {
    @Test func testWatch_deliversEventsAndResumesFromResourceVersion() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            let start = try await c.list(.configMap, namespace: env.namespace)
            let options = WatchOptions(resourceVersion: start.resourceVersion)
            var events = try await c.watch(.configMap, namespace: env.namespace, options: options).makeAsyncIterator()

            let created = try await c.create(.configMap(env.namespace, "watched", data: ["v": "1"]))
            let added = try await nextEvent(&events, prefix: "watched")
            #expect(added.type == .added)
            #expect(added.object.name == "watched")
            #expect(added.object.resourceVersion == created.resourceVersion)

            _ = try await c.patch(.configMap, created.key, patch: .merge(["data": ["v": "2"]]))
            let modified = try await nextEvent(&events, prefix: "watched")
            #expect(modified.type == .modified)
            #expect(modified.object["data", "v"] == "2")

            try await c.delete(.configMap, created.key)
            let deleted = try await nextEvent(&events, prefix: "watched")
            #expect(deleted.type == .deleted)
            #expect(deleted.object.name == "watched")

            // A new watch from the MODIFIED event's version replays only what came after it.
            let resumeOptions = WatchOptions(resourceVersion: modified.object.resourceVersion)
            var resumed = try await c.watch(.configMap, namespace: env.namespace, options: resumeOptions)
                .makeAsyncIterator()
            let replayed = try await nextEvent(&resumed, prefix: "watched")
            #expect(replayed.type == .deleted)
            #expect(replayed.object.resourceVersion == deleted.object.resourceVersion)
        }
    }

    @Test func testWatch_withoutVersionStartsWithAddedForExistingObjects() async throws {
        try await ContractBackend.run { env in
            _ = try await env.client.create(.configMap(env.namespace, "existing"))
            let options = WatchOptions(fieldSelector: "metadata.name=existing")
            var events = try await env.client.watch(.configMap, namespace: env.namespace, options: options)
                .makeAsyncIterator()
            let first = try await nextEvent(&events)
            #expect(first.type == .added)
            #expect(first.object.name == "existing")
        }
    }

    @Test func testWatch_labelSelectorFiltersEvents() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            let start = try await c.list(.configMap, namespace: env.namespace)
            let options = WatchOptions(labelSelector: [.equals("pick", "me")], resourceVersion: start.resourceVersion)
            var events = try await c.watch(.configMap, namespace: env.namespace, options: options).makeAsyncIterator()
            _ = try await c.create(.configMap(env.namespace, "skipped", labels: ["pick": "other"]))
            _ = try await c.create(.configMap(env.namespace, "picked", labels: ["pick": "me"]))
            let event = try await nextEvent(&events)
            #expect(event.object.name == "picked")
        }
    }

    @Test(.enabled(if: ContractBackend.usesTestServer, "history compaction is a KubeTestServer control"))
    func testWatch_fromCompactedVersionIsGone() async throws {
        try await KubeTestServer.withServer(configuration: .init()) { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            try await withKubeClient(config: config) { c in
                _ = try await c.create(KubeObject(.namespace, key: ObjectKey(name: "gone")))
                let old = try await c.list(.configMap, namespace: "gone").resourceVersion
                for i in 0..<3 { _ = try await c.create(.configMap("gone", "cm-\(i)")) }
                server.compact()
                do {
                    let events = try await c.watch(
                        .configMap, namespace: "gone", options: WatchOptions(resourceVersion: old))
                    for try await event in events where event.type != .bookmark {
                        Issue.record("unexpected event \(event.type) before 410 Gone")
                    }
                    Issue.record("watch from a compacted version ended without an error")
                } catch let error as KubeAPIError {
                    #expect(error.code == .gone)
                }
                // Relisting gives a version to watch from again.
                let fresh = try await c.list(.configMap, namespace: "gone")
                #expect(fresh.items.count == 3)
                var events = try await c.watch(
                    .configMap, namespace: "gone", options: WatchOptions(resourceVersion: fresh.resourceVersion)
                ).makeAsyncIterator()
                _ = try await c.create(.configMap("gone", "after"))
                #expect(try await nextEvent(&events).object.name == "after")
            }
        }
    }

    @Test(.enabled(if: ContractBackend.usesTestServer, "real clusters send bookmarks only about once a minute"))
    func testWatch_receivesBookmarks() async throws {
        try await KubeTestServer.withServer(configuration: .init(bookmarkInterval: .seconds(3600))) { server in
            let config = try KubeConfig.load(kubeconfigPath: server.kubeconfigPath)
            try await withKubeClient(config: config) { c in
                let start = try await c.list(.configMap, namespace: "default")
                var events = try await c.watch(
                    .configMap, namespace: "default",
                    options: WatchOptions(resourceVersion: start.resourceVersion, allowBookmarks: true)
                ).makeAsyncIterator()
                // Bookmarks on demand rather than waiting for the interval.
                _ = try await c.create(.configMap("default", "before-bookmark"))
                #expect(try await nextEvent(&events).type == .added)
                server.sendBookmarks()
                let bookmark = try await nextEvent(&events, skippingBookmarks: false)
                #expect(bookmark.type == .bookmark)
                #expect(!bookmark.object.resourceVersion.isEmpty)
            }
        }
    }

    @Test func testWatch_cancellationEndsIteration() async throws {
        try await ContractBackend.run { env in
            let c = env.client
            let namespace = env.namespace
            try await withThrowingTaskGroup(of: Void.self) { group in
                let (started, continuation) = AsyncStream.makeStream(of: Void.self)
                group.addTask {
                    let events = try await c.watch(
                        .configMap, namespace: namespace, options: WatchOptions(allowBookmarks: false))
                    continuation.yield()
                    do {
                        for try await _ in events {}
                    } catch let error as KubeAPIError where error.code == .cancelled {
                        // Cancellation may surface as an error or as the end of the sequence.
                    }
                }
                for await _ in started { break }
                group.cancelAll()
                try await group.waitForAll()
            }
            // The client still works after a cancelled watch.
            _ = try await c.list(.configMap, namespace: namespace)
        }
    }
}
